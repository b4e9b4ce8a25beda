pragma solidity ^0.4.24;

// Refunder (solc 0.4): ignores whether its refund arrived.
contract Refunder {
    mapping(address => uint256) public owed;

    function deposit() public payable {
        owed[msg.sender] += msg.value;
    }

    function refund() public {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        msg.sender.send(amount);
    }
}

// SafeRefunder requires the refund to succeed.
contract SafeRefunder {
    mapping(address => uint256) public owed;

    function deposit() public payable {
        owed[msg.sender] += msg.value;
    }

    function refund() public {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        require(msg.sender.send(amount));
    }
}

// Faucet (solc 0.4): pays whatever is asked.
contract Faucet {
    function give(uint256 amount) public {
        msg.sender.transfer(amount);
    }

    function() public payable {}
}

// Vault pays only what was deposited.
contract Vault {
    mapping(address => uint256) public balances;

    function deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function take(uint256 amount) public {
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        msg.sender.transfer(amount);
    }
}
