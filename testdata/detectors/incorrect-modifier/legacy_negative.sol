pragma solidity ^0.4.24;

contract OldOwned {
    address owner = msg.sender;

    modifier onlyOwner() {
        if (msg.sender != owner) throw;
        _;
    }

    function kill() public onlyOwner {
        selfdestruct(owner);
    }
}
