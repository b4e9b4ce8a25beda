pragma solidity ^0.4.24;

contract Pot {
    function done() public view returns (bool) {
        return this.balance == 10 ether; // want "incorrect-equality"
    }
}
