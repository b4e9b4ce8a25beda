pragma solidity ^0.4.24;

// Slither's example: the derived contract's owner is set, the base's
// owner (checked by the modifier) stays zero.
contract Owned {
    address owner;

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }
}

contract Wallet is Owned {
    address owner; // want "shadowing-state"

    constructor() public {
        owner = msg.sender;
    }

    function withdraw() external onlyOwner {
        msg.sender.transfer(address(this).balance);
    }
}

// Two levels down, shadowing a public variable.
contract Config {
    uint256 public fee = 10;

    function charge(uint256 amount) public view returns (uint256) {
        return amount * fee / 100;
    }
}

contract Middle is Config {
    function noop() public pure {}
}

contract Leaf is Middle {
    uint256 public fee = 20; // want "shadowing-state"
}

// A base without any code (Slither's shadowing-abstract): reported too.
contract Layout {
    uint256 internal counter;
}

contract Counter is Layout {
    uint256 internal counter; // want "shadowing-state"

    function inc() public {
        counter++;
    }
}
