pragma solidity ^0.4.11;

// Look-alikes that do not guard: a helper that only returns, an overflow
// test on other operands, a remainder of another value.
contract Unguarded {
    mapping (address => uint256) balances;
    uint256 public total;

    function soft(bool ok) internal returns (bool) {
        if (!ok) {
            return false;
        }
        return true;
    }

    function deposit(uint256 value) public {
        soft(total >= value);
        total = total - value; // want "integer-overflow"
    }

    function move(address to, uint256 value, uint256 other) public {
        if (balances[to] + other > balances[to]) {
            balances[to] += value; // want "integer-overflow"
        }
    }

    function pay(uint256 price) public payable {
        uint256 spent = price - (msg.value % price); // want "integer-overflow"
        balances[msg.sender] += spent; // want "integer-overflow"
    }
}
