// SPDX-License-Identifier: MIT
pragma solidity >=0.6.2 <0.9.0;

import {console} from "./console.sol";

abstract contract Test {}
