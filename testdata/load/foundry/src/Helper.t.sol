// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// A test helper kept beside the sources: out of scope by its suffix.
contract HelperTest {}
