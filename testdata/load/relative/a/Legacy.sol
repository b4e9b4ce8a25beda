// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Imported as "Legacy.sol": old code means the importing file's directory.
contract Legacy {}
