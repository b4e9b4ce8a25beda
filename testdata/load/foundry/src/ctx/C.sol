// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "dep/D.sol";

contract C is D {}
