pragma solidity ^0.5.0;

// Solidity 0.5 checks calldata length itself.
contract NewToken {
    mapping(address => uint256) balances;

    function transfer(address to, uint256 value) public returns (bool) {
        balances[msg.sender] -= value;
        balances[to] += value;
        return true;
    }
}
