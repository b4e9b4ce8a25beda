// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Reached through the context-free remapping.
contract D {}
