// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import "./B.sol";
import "./A.sol";

contract A {}
