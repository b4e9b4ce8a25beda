pragma solidity ^0.8.0;

// Contextual keywords stay usable as names.
contract Names {
    function at(uint256 from) external pure returns (uint256 error) {
        uint256 global = from;
        uint256 layout = global;
        uint256 revert_ = layout;
        error = revert_;
    }

    function transferFrom(address from, address receive, uint256 transient) external {}
}
