// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Registry writes a raw slot its caller picks.
contract Registry {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function put(uint256 slot, uint256 value) external {
        assembly {
            sstore(slot, value)
        }
    }
}

// SafeRegistry writes into a mapping: the key cannot reach other variables.
contract SafeRegistry {
    address public owner;
    mapping(uint256 => uint256) public values;

    constructor() {
        owner = msg.sender;
    }

    function put(uint256 key, uint256 value) external {
        values[key] = value;
    }
}
