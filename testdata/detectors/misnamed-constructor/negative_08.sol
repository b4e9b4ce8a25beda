pragma solidity ^0.8.0;

contract Owned {
    address public owner;

    function owned() public {
        owner = msg.sender;
    }

    function Setup() public {
        owner = msg.sender;
    }
}
