pragma solidity ^0.4.24;

// The balance is zeroed first and restored only when the call failed.
contract Restore {
    mapping(address => uint) public balances;

    function deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() public {
        uint amount = balances[msg.sender];
        balances[msg.sender] = 0;
        if (!msg.sender.call.value(amount)()) {
            balances[msg.sender] = amount;
        }
    }

    function withdrawZero() public {
        uint amount = balances[msg.sender];
        require(msg.sender.call.value(0)());
        balances[msg.sender] = amount;
    }
}
