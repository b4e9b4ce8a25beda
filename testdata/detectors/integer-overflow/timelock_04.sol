pragma solidity ^0.4.10;

contract TimeLock {
    mapping(address => uint) public balances;
    mapping(address => uint) public lockTime;
    mapping(address => uint) public votes;

    function deposit() public payable {
        balances[msg.sender] += msg.value;
        lockTime[msg.sender] = now + 1 weeks;
    }

    function increaseLockTime(uint _secondsToIncrease) public {
        lockTime[msg.sender] += _secondsToIncrease; // want "integer-overflow"
    }

    function withdraw() public {
        require(balances[msg.sender] > 0);
        require(now > lockTime[msg.sender]);
        uint amount = balances[msg.sender];
        balances[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function vote() public {
        votes[msg.sender]--; // want "integer-overflow"
    }
}

// Overflow reached through an internal helper, a base contract and a
// rate any caller can set.
contract MathHelper {
    function plus(uint a, uint b) internal pure returns (uint) {
        return a + b; // want "integer-overflow"
    }
}

contract Base is MathHelper {
    uint public total;
    uint public rate = 1;
    mapping(address => uint) public tokens;

    function credit(uint amount) public {
        total = plus(total, amount);
    }

    function setRate(uint r) public {
        rate = r;
    }

    function buy() public payable {
        tokens[msg.sender] += msg.value * rate; // want "integer-overflow"
    }
}

contract Derived is Base {
    function creditTwice(uint amount) public {
        credit(amount);
        credit(amount);
    }
}
