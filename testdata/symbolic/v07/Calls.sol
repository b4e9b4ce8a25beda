// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

// Refunder (solc 0.7): ignores whether its refund arrived.
contract Refunder {
    mapping(address => uint256) public owed;

    function deposit() external payable {
        owed[msg.sender] += msg.value;
    }

    function refund() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        msg.sender.send(amount);
    }
}

// SafeRefunder requires the refund to succeed.
contract SafeRefunder {
    mapping(address => uint256) public owed;

    function deposit() external payable {
        owed[msg.sender] += msg.value;
    }

    function refund() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        require(msg.sender.send(amount));
    }
}

// Faucet (solc 0.7): pays whatever is asked.
contract Faucet {
    function give(uint256 amount) external {
        msg.sender.transfer(amount);
    }

    receive() external payable {}
}

// Vault pays only what was deposited.
contract Vault {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function take(uint256 amount) external {
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        msg.sender.transfer(amount);
    }
}
