// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import "./B.sol";
import "./B.sol" as BB;
import * as Star from "./B.sol";
import {B as B2, helper} from "./B.sol";
import {C} from "../c/C.sol";
import "Legacy.sol";

contract A is B2, C {}
