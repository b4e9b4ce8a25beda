pragma solidity ^0.5.0;

// Killable (solc 0.5): anyone can destroy it and take its ether.
contract Killable {
    function kill() external {
        selfdestruct(msg.sender);
    }

    function() external payable {}
}

// OwnedKillable: only the owner can.
contract OwnedKillable {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function kill() external {
        require(msg.sender == owner);
        selfdestruct(msg.sender);
    }

    function() external payable {}
}

// Counter (solc 0.5): assert compiles to INVALID; set breaks the invariant.
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
