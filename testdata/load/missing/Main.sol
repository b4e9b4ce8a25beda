// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "./Nope.sol";
  import {X} from "nope/X.sol";

contract Main {}
