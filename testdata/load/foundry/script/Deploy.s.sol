// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../src/Token.sol";

contract Deploy {
    function run() public {
        new Token();
    }
}
