// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

library ExtLib {
    function double(uint256 x) public pure returns (uint256) {
        return x * 2;
    }
}
