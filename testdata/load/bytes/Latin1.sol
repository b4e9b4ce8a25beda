// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// café in Latin-1
contract Latin1 {}
