// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Counter asserts an invariant its own setter can break.
contract Counter {
    uint256 public count;

    function set(uint256 v) external {
        count = v;
    }

    function check() external view returns (bool) {
        assert(count != 7);
        return true;
    }

    function bump() external {
        assert(count != 7);
        count += 1;
    }
}

// SafeCounter validates the input before the assert.
contract SafeCounter {
    uint256 public count;

    function set(uint256 v) external {
        require(v != 7);
        count = v;
    }

    function bump() external {
        require(count < 6);
        count += 1;
        assert(count != 7);
    }
}
