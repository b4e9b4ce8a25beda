pragma solidity ^0.4.24;

// Look-alikes: set up by the constructor; a one-time initializer with no
// way to self-destruct; a constructor that runs the initializer.
contract Owned {
    address public admin;

    constructor() public {
        admin = msg.sender;
    }

    function retire() public {
        require(msg.sender == admin);
        selfdestruct(admin);
    }
}

contract Config {
    address public admin;
    bool internal ready;

    function initialize(address a) public {
        require(!ready);
        ready = true;
        admin = a;
    }

    function setLimit(uint256) public view {
        require(msg.sender == admin);
    }
}

contract SelfInit {
    address public admin;
    bool internal ready;

    constructor() public {
        initialize(msg.sender);
    }

    function initialize(address a) public {
        require(!ready);
        ready = true;
        admin = a;
    }

    function retire() public {
        require(msg.sender == admin);
        selfdestruct(admin);
    }
}
