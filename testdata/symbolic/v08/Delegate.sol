// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Forwarder delegatecalls wherever the caller says.
contract Forwarder {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function forward(address target, bytes calldata data) external {
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }
}

// FixedForwarder only delegatecalls the library its owner set.
contract FixedForwarder {
    address public owner;
    address public lib;

    constructor() {
        owner = msg.sender;
        lib = address(0x1234);
    }

    function forward(bytes calldata data) external {
        (bool ok, ) = lib.delegatecall(data);
        require(ok);
    }
}
