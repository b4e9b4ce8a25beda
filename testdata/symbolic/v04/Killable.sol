pragma solidity ^0.4.24;

// Killable (solc 0.4): anyone can destroy it.
contract Killable {
    function kill() public {
        selfdestruct(msg.sender);
    }

    function() public payable {}
}

// OwnedKillable: only the owner can.
contract OwnedKillable {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function kill() public {
        require(msg.sender == owner);
        selfdestruct(msg.sender);
    }

    function() public payable {}
}

// Counter (solc 0.4): assert compiles to INVALID.
contract Counter {
    uint256 public count;

    function set(uint256 v) public {
        count = v;
    }

    function bump() public {
        assert(count != 7);
        count += 1;
    }
}

// SafeCounter guards the invariant with require.
contract SafeCounter {
    uint256 public count;

    function set(uint256 v) public {
        require(v < 5);
        count = v;
    }

    function bump() public {
        require(count < 5);
        assert(count != 7);
        count += 1;
    }
}
