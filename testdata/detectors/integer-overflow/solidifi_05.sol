pragma solidity ^0.5.0;

// SolidiFI-style injected arithmetic bugs: a local that always wraps, a
// uint8 sum with a caller's byte, lock times and balances moved without
// checks, and a guard that cannot fail (x - v >= 0).
contract Injected {
    mapping(address => uint) public lockTime_intou1;
    mapping(address => uint) balances_intou2;

    function bug_intou3() public {
        uint8 vundflw = 0;
        vundflw = vundflw - 10; // want "integer-overflow"
    }

    function bug_intou7() public {
        uint8 vundflw;
        vundflw -= 10; // want "integer-overflow"
    }

    function bug_intou4(uint8 p_intou4) public {
        uint8 vundflw1 = 0;
        vundflw1 = vundflw1 + p_intou4; // want "integer-overflow"
    }

    function increaseLockTime_intou1(uint _secondsToIncrease) public {
        lockTime_intou1[msg.sender] += _secondsToIncrease; // want "integer-overflow"
    }

    function transfer_intou2(address _to, uint _value) public returns (bool) {
        require(balances_intou2[msg.sender] - _value >= 0); // want "integer-overflow"
        balances_intou2[msg.sender] -= _value; // want "integer-overflow"
        balances_intou2[_to] += _value; // want "integer-overflow"
        return true;
    }
}

// Safe look-alikes: the local no longer holds its initial value, the
// constant is not larger, and checks before each operation.
contract InjectedFixed {
    mapping(address => uint) balances;
    uint public total;

    function reset() public {
        uint8 v = 0;
        v = 30;
        v = v - 10;
        total = v;
    }

    function noWrap() public {
        uint8 v = 20;
        v = v - 10;
        total = v;
    }

    function transfer(address _to, uint _value) public returns (bool) {
        require(balances[msg.sender] >= _value);
        require(balances[_to] + _value >= balances[_to]);
        balances[msg.sender] -= _value;
        balances[_to] += _value;
        return true;
    }
}
