pragma solidity ^0.5.0;

// Bank (solc 0.5): call.value with the (bool, bytes) result.
contract Bank {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0);
        (bool ok, ) = msg.sender.call.value(amount)("");
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
        (bool ok, ) = msg.sender.call.value(amount)("");
        require(ok);
    }
}

// Wallet (solc 0.5): an unprotected owner setter.
contract Wallet {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function setOwner(address o) external {
        owner = o;
    }
}

// SafeWallet protects it.
contract SafeWallet {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function setOwner(address o) external {
        require(msg.sender == owner);
        owner = o;
    }
}

// Token (solc 0.5): unchecked subtraction.
contract Token {
    mapping(address => uint256) public balances;

    function burn(uint256 amount) external {
        balances[msg.sender] -= amount;
    }
}

// SafeToken checks first.
contract SafeToken {
    mapping(address => uint256) public balances;

    function burn(uint256 amount) external {
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
    }
}
