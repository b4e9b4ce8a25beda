pragma solidity ^0.4.11;

// Guards written the way pre-0.5 code wrote them: a home-made assert that
// throws, the overflow test as one conjunct of an if, a remainder taken
// from the value it is subtracted from.
contract Guarded {
    mapping (address => uint256) balances;
    uint256 public total;
    uint256 public constant PRICE = 100;

    function check(bool ok) internal {
        if (!ok) {
            throw;
        }
    }

    function add(uint256 a, uint256 b) internal returns (uint256) {
        uint256 c = a + b;
        check(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal returns (uint256) {
        check(b <= a);
        return a - b;
    }

    function move(address to, uint256 value) public returns (bool) {
        if (balances[msg.sender] >= value && balances[to] + value > balances[to]) {
            balances[msg.sender] -= value;
            balances[to] += value;
            return true;
        }
        return false;
    }

    function deposit(uint256 value) public {
        balances[msg.sender] = add(balances[msg.sender], value);
        total = sub(total, value);
    }

    function buy() public payable {
        uint256 spent = msg.value - (msg.value % PRICE);
        balances[msg.sender] += spent / PRICE;
    }
}
