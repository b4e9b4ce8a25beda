pragma solidity ^0.4.24;

contract OldWallet {
    address owner;

    function OldWallet() public {
        owner = msg.sender;
    }

    function kill() public {
        if (tx.origin != owner) throw; // want "tx-origin"
        selfdestruct(owner);
    }
}
