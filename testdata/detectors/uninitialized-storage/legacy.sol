pragma solidity ^0.4.24;

// The NameRegistrar honeypot: newRecord points at slot 0 and 1.
contract NameRegistrar {
    bool public unlocked = false;

    struct NameRecord {
        bytes32 name;
        address mappedAddress;
    }

    mapping(address => NameRecord) public registeredNameRecord;
    mapping(bytes32 => address) public resolve;

    function register(bytes32 _name, address _mappedAddress) public {
        NameRecord newRecord; // want "uninitialized-storage"
        newRecord.name = _name;
        newRecord.mappedAddress = _mappedAddress;
        resolve[_name] = _mappedAddress;
        registeredNameRecord[msg.sender] = newRecord;
        require(unlocked);
    }
}

// Explicit storage, an array, and a use only on one branch.
contract Ledger {
    address owner = msg.sender;
    uint256[] entries;

    function add(uint256 v, bool twice) public {
        uint256[] storage list; // want "uninitialized-storage"
        if (twice) {
            list.push(v);
        }
        entries.push(v);
    }

    function fill(uint256 v) public {
        uint256[] scratch; // want "uninitialized-storage"
        scratch.length = 2;
        scratch[0] = v;
    }
}
