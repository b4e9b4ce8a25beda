pragma solidity ^0.4.24;

contract OldRegistry {
    mapping(bytes32 => bool) taken;

    function take(string first, string last) public {
        bytes32 key = keccak256(first, last); // want "encode-packed-collision"
        require(!taken[key]);
        taken[key] = true;
    }
}
