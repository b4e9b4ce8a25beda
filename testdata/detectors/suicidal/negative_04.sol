pragma solidity ^0.4.24;

contract Mortal {
    address owner;

    function Mortal() public {
        owner = msg.sender;
    }

    function kill() public {
        if (msg.sender != owner) throw;
        suicide(owner);
    }

    function close() public {
        if (msg.sender == owner) {
            selfdestruct(owner);
        }
    }
}
