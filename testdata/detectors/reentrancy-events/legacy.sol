pragma solidity ^0.4.24;

contract LogFile {
    event Message(address sender, uint val, string data);
}

contract OldBank {
    mapping(address => uint) public balances;
    event Collected(address who, uint amount);

    function Deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function Collect(uint _am) public {
        require(balances[msg.sender] >= _am);
        balances[msg.sender] -= _am;
        if (msg.sender.call.value(_am)()) { // want "reentrancy-events"
            Collected(msg.sender, _am);
        }
    }
}
