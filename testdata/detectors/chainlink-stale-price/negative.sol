pragma solidity ^0.8.0;

interface AggregatorV3Interface {
    function latestRoundData() external view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}

contract Oracle {
    AggregatorV3Interface public feed;
    uint256 public constant HEARTBEAT = 3600;

    error StalePrice();

    constructor(AggregatorV3Interface f) {
        feed = f;
    }

    function price() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData();
        if (answer <= 0) revert StalePrice();
        if (block.timestamp - updatedAt > HEARTBEAT) revert StalePrice();
        return uint256(answer);
    }

    // A thin wrapper: the caller gets every field to check.
    function raw() external view returns (uint80, int256, uint256, uint256, uint80) {
        return feed.latestRoundData();
    }

    function rawNamed() external view returns (int256 answer, uint256 updatedAt) {
        (, answer, , updatedAt, ) = feed.latestRoundData();
    }
}
