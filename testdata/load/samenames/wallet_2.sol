// SPDX-License-Identifier: MIT
pragma solidity ^0.4.24;

contract Wallet {
    mapping(address => uint256) balances2;
}

contract Attacker {}
