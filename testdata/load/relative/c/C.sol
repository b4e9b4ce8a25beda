// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import "../a/B.sol";

contract C is B {}
