// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Reached through the src/ctx/ context remapping.
contract D {}
