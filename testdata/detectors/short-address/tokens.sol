pragma solidity ^0.4.11;

contract MyToken {
    mapping(address => uint) balances;
    mapping(address => mapping(address => uint)) allowed;

    event Transfer(address indexed _from, address indexed _to, uint256 _value);

    function MyToken() {
        balances[tx.origin] = 10000;
    }

    function sendCoin(address to, uint amount) returns (bool sufficient) { // want "short-address"
        if (balances[msg.sender] < amount) return false;
        balances[msg.sender] -= amount;
        balances[to] += amount;
        Transfer(msg.sender, to, amount);
        return true;
    }

    function transfer(address _to, uint256 _value) public returns (bool) { // want "short-address"
        return sendCoin(_to, _value);
    }

    function approve(address _spender, uint256 _value) public returns (bool) { // want "short-address"
        allowed[msg.sender][_spender] = _value;
        return true;
    }

    function getBalance(address addr) constant returns (uint) {
        return balances[addr];
    }
}
