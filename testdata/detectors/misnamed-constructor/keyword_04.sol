pragma solidity ^0.4.24;

contract Token {
    address public owner;
    mapping(address => uint) balances;

    function Constructor() public { // want "misnamed-constructor"
        owner = msg.sender;
        balances[msg.sender] = 1000;
    }

    function mint(address to, uint amount) public {
        require(msg.sender == owner);
        balances[to] += amount;
    }
}
