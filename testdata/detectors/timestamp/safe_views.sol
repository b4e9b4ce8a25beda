pragma solidity ^0.8.0;

// Safe look-alikes: timestamps only stored, logged, or read in views.
contract Log {
    uint256 public updatedAt;
    uint256 public start;
    event Updated(uint256 at);

    function touch() external {
        updatedAt = block.timestamp;
        emit Updated(block.timestamp);
    }

    function elapsed() external view returns (uint256) {
        if (block.timestamp < start) {
            return 0;
        }
        return block.timestamp - start;
    }

    function status() external view returns (uint8) {
        return block.timestamp > start ? 1 : 0;
    }

    function blockCheck(uint256 n) external view returns (bool) {
        require(block.number > n);
        return true;
    }
}
