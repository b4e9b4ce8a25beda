pragma solidity ^0.8.0;

library Clock {
    function timestamp() internal view returns (uint48) {
        return uint48(block.timestamp);
    }
}

abstract contract Timed {
    function _now() internal view returns (uint256) {
        return block.timestamp;
    }
}

contract Vesting is Timed {
    uint256 public start;
    uint256 public duration;
    mapping(address => uint256) public released;

    function release() external {
        require(_now() >= start, "not started"); // want "timestamp"
        uint256 elapsed = block.timestamp - start;
        uint256 amount = elapsed >= duration ? 100 : (100 * elapsed) / duration; // want "timestamp"
        released[msg.sender] = amount;
    }

    function expired(uint48 deadline) external {
        if (Clock.timestamp() > deadline) revert("expired"); // want "timestamp"
    }

    function permit(uint256 deadline) external {
        while (block.timestamp < deadline) { // want "timestamp"
            deadline -= 1;
        }
    }
}
