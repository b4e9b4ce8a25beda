// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// UncheckedToken subtracts in an unchecked block: transferring more than
// you hold wraps your balance around.
contract UncheckedToken {
    mapping(address => uint256) public balances;

    function transfer(address to, uint256 amount) external {
        unchecked {
            balances[msg.sender] -= amount;
            balances[to] += amount;
        }
    }
}

// CheckedToken relies on 0.8's checked arithmetic: the same code reverts.
contract CheckedToken {
    mapping(address => uint256) public balances;

    function transfer(address to, uint256 amount) external {
        balances[msg.sender] -= amount;
        balances[to] += amount;
    }
}
