pragma solidity ^0.4.24;

contract Owned {
    address public owner;

    function Owned() public {
        owner = msg.sender;
    }

    function changeOwner(address _new) public {
        if (msg.sender != owner) throw;
        owner = _new; // want "events-access"
    }
}
