pragma solidity ^0.4.24;

contract OldConfig {
    address public owner;
    uint public rate;

    function OldConfig(address a, address b) public {
        owner = a; // want "write-after-write"
        owner = b;
        rate = 1;
    }
}
