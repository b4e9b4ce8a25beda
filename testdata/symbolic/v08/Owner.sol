// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Wallet forgot the check on setOwner.
contract Wallet {
    address public owner;
    uint256 public limit;

    constructor() {
        owner = msg.sender;
    }

    function setOwner(address o) external {
        owner = o;
    }

    function setLimit(uint256 l) external {
        require(msg.sender == owner);
        limit = l;
    }
}

// SafeWallet checks it.
contract SafeWallet {
    address public owner;
    uint256 public limit;

    constructor() {
        owner = msg.sender;
    }

    function setOwner(address o) external {
        require(msg.sender == owner);
        owner = o;
    }

    function setLimit(uint256 l) external {
        require(msg.sender == owner);
        limit = l;
    }
}
