pragma solidity ^0.4.24;

// Parity-style multi-sig: owners are looked up by index; the library's
// init function is public, so anyone can make themselves an owner and
// then pass the owner check in front of the selfdestruct.
contract MultisigLib {
    mapping(uint => uint) ownerIndex;
    uint numOwners;

    modifier onlyOwners {
        uint idx = ownerIndex[uint(msg.sender)];
        if (idx == 0) return;
        _;
    }

    function initOwners(address[] owners) public {
        for (uint i = 0; i < owners.length; i++) {
            ownerIndex[uint(owners[i])] = i + 1;
        }
        ownerIndex[uint(msg.sender)] = owners.length + 1;
        numOwners = owners.length + 1;
    }

    function kill(address to) public onlyOwners {
        suicide(to); // want "suicidal"
    }
}

// The same owner check, with owners fixed at construction: safe.
contract Multisig {
    mapping(uint => uint) ownerIndex;

    constructor(address[] owners) public {
        for (uint i = 0; i < owners.length; i++) {
            ownerIndex[uint(owners[i])] = i + 1;
        }
    }

    modifier onlyOwners {
        uint idx = ownerIndex[uint(msg.sender)];
        if (idx == 0) return;
        _;
    }

    function addOwner(address o, uint idx) public onlyOwners {
        ownerIndex[uint(o)] = idx;
    }

    function kill(address to) public onlyOwners {
        suicide(to);
    }
}
