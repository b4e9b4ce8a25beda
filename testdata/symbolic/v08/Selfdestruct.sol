// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Killable lets anyone destroy it and take its ether.
contract Killable {
    function kill() external {
        selfdestruct(payable(msg.sender));
    }

    receive() external payable {}
}

// OwnedKillable only lets its owner do so.
contract OwnedKillable {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function kill() external {
        require(msg.sender == owner, "not owner");
        selfdestruct(payable(msg.sender));
    }

    receive() external payable {}
}
