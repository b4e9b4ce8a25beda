pragma solidity ^0.8.0;

contract Guarded {
    address internal owner;
    uint256 public blockhash; // want "shadowing-builtin"

    event gasleft(uint256 remaining); // want "shadowing-builtin"

    constructor() {
        owner = msg.sender;
    }

    // Every require below now calls this and never reverts.
    function require(bool condition) internal pure { // want "shadowing-builtin"
        condition;
    }

    function withdraw(uint256 ecrecover) external { // want "shadowing-builtin"
        require(msg.sender == owner);
        uint256 keccak256 = ecrecover * 2; // want "shadowing-builtin"
        payable(owner).transfer(keccak256);
    }

    modifier assert() { // want "shadowing-builtin"
        _;
    }

    function guarded() external view assert returns (uint256 addmod) { // want "shadowing-builtin"
        addmod = blockhash;
    }
}
