pragma solidity ^0.4.24;

contract SimpleSuicide {
    function sudicideAnyone() public {
        selfdestruct(msg.sender); // want "suicidal"
    }
}

contract OldWallet {
    address public owner;
    mapping(address => bool) public owners;

    function OldWallet() public {
        owner = msg.sender;
        owners[msg.sender] = true;
    }

    // The check trusts owner, which anyone can overwrite first.
    function setOwner(address newOwner) public {
        owner = newOwner;
    }

    function kill() public {
        require(msg.sender == owner);
        suicide(owner); // want "suicidal"
    }

    // Parity-style: the owner set is initialised by an unprotected function.
    function initWallet(address first) public {
        owners[first] = true;
    }

    modifier onlyOwners() {
        require(owners[msg.sender]);
        _;
    }

    function close(address to) public onlyOwners {
        suicide(to); // want "suicidal"
    }

    function () public payable {}
}
