// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

// Bank (solc 0.7): call{value:} before clearing the balance.
contract Bank {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] = 0;
    }
}

// SafeBank clears the balance first.
contract SafeBank {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0);
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
    }
}

// Killable (solc 0.7): anyone can destroy it.
contract Killable {
    function kill() external {
        selfdestruct(msg.sender);
    }

    receive() external payable {}
}

// OwnedKillable: only the owner can.
contract OwnedKillable {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function kill() external {
        require(msg.sender == owner);
        selfdestruct(msg.sender);
    }

    receive() external payable {}
}

// Token (solc 0.7): no checked arithmetic yet.
contract Token {
    mapping(address => uint256) public balances;

    function transfer(address to, uint256 amount) external {
        balances[msg.sender] -= amount;
        balances[to] += amount;
    }
}

// SafeToken checks before subtracting and adding.
contract SafeToken {
    mapping(address => uint256) public balances;

    function transfer(address to, uint256 amount) external {
        require(balances[msg.sender] >= amount);
        require(balances[to] + amount >= balances[to]);
        balances[msg.sender] -= amount;
        balances[to] += amount;
    }
}

// Forwarder (solc 0.7): delegatecall to a caller-chosen address.
contract Forwarder {
    function forward(address target, bytes calldata data) external {
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }
}

// FixedForwarder only delegatecalls a fixed library.
contract FixedForwarder {
    address public constant LIB = address(0x1234);

    function forward(bytes calldata data) external {
        (bool ok, ) = LIB.delegatecall(data);
        require(ok);
    }
}
