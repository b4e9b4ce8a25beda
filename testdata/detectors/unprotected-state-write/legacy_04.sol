pragma solidity ^0.4.24;

contract Owned {
    address public owner;

    function Owned() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function changeOwner(address _new) public {
        owner = _new; // want "unprotected-state-write"
    }

    function withdraw() public onlyOwner {
        owner.transfer(this.balance);
    }
}

// SmartBugs' multiowned: anyone can add an owner.
contract MultiOwnable {
    address public root;
    mapping (address => address) public owners;

    constructor() public {
        root = msg.sender;
        owners[root] = root;
    }

    modifier onlyOwner() {
        require(owners[msg.sender] != 0);
        _;
    }

    function newOwner(address _owner) external returns (bool) {
        require(_owner != 0);
        owners[_owner] = msg.sender; // want "unprotected-state-write"
        return true;
    }

    function deleteOwner(address _owner) onlyOwner external returns (bool) {
        require(owners[_owner] == msg.sender || (owners[_owner] != 0 && msg.sender == root));
        owners[_owner] = 0;
        return true;
    }
}

// A wallet whose owner list anyone can initialise.
contract PlainWallet {
    mapping(address => bool) isOwner;

    function initWallet(address[] _owners) public {
        for (uint i = 0; i < _owners.length; i++) {
            isOwner[_owners[i]] = true; // want "unprotected-state-write"
        }
    }

    function execute(address to, uint value) public {
        require(isOwner[msg.sender]);
        to.transfer(value);
    }
}
