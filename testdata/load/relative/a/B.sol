// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

function helper() pure returns (uint256) {
    return 1;
}

contract B {}
