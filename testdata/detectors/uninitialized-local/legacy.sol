pragma solidity ^0.4.24;

contract Bonus {
    mapping(address => uint256) balances;

    function claim() public {
        uint256 bonus; // want "uninitialized-local"
        balances[msg.sender] = balances[msg.sender] + bonus;
    }

    function sweep() public {
        address recipient; // want "uninitialized-local"
        recipient.transfer(this.balance);
    }
}
