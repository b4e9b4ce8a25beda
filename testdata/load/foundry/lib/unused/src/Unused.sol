// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Never imported: never parsed.
contract Unused {}
