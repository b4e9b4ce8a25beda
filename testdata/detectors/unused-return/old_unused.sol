pragma solidity ^0.4.24;

contract Registry {
    function register(bytes32 name) public returns (uint256 id);
}

contract Client {
    Registry registry;

    function join(bytes32 name) public {
        registry.register(name); // want "unused-return"
    }
}
