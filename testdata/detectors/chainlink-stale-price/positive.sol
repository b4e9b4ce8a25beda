pragma solidity ^0.8.0;

interface AggregatorV3Interface {
    function latestRoundData() external view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
    function latestAnswer() external view returns (int256);
}

contract Oracle {
    AggregatorV3Interface public feed;

    constructor(AggregatorV3Interface f) {
        feed = f;
    }

    function price() external view returns (uint256) {
        (, int256 answer, , , ) = feed.latestRoundData(); // want "chainlink-stale-price"
        return uint256(answer);
    }

    function priceChecked() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData(); // want "chainlink-stale-price"
        require(answer > 0, "invalid");
        return uint256(answer) + updatedAt * 0;
    }

    function priceFresh() external view returns (uint256) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData(); // want "chainlink-stale-price"
        require(block.timestamp - updatedAt < 3600, "stale");
        return uint256(answer);
    }

    function legacy() external view returns (uint256) {
        return uint256(feed.latestAnswer()); // want "chainlink-stale-price"
    }
}
