// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

// Wallet (solc 0.7): setOwner forgot its check.
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

// Registry (solc 0.7): writes a raw slot its caller picks.
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

// Counter (solc 0.7): assert compiles to INVALID; set breaks the invariant.
contract Counter {
    uint256 public count;

    function set(uint256 v) external {
        count = v;
    }

    function bump() external {
        assert(count != 7);
        count += 1;
    }
}

// SafeCounter guards the invariant with require.
contract SafeCounter {
    uint256 public count;

    function set(uint256 v) external {
        require(v < 5);
        count = v;
    }

    function bump() external {
        require(count < 5);
        assert(count != 7);
        count += 1;
    }
}
