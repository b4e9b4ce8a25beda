pragma solidity ^0.4.18;

contract Owned {
    address public owner;
    address public lastPlayer;
    mapping(address => uint) balances;

    function Owned() public {
        owner = msg.sender;
    }

    // Capitalised, but neither a constructor attempt nor privileged.
    function Deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function Play() public {
        lastPlayer = msg.sender;
    }

    // Close to the contract name but guarded.
    function owned(address o) public {
        require(msg.sender == owner);
        owner = o;
    }
}

contract Modern {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function modern() public {
        owner = msg.sender;
    }
}
