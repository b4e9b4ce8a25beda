pragma solidity ^0.4.24;

contract Lottery {
    address owner; // want "uninitialized-state"
    uint256 pot;

    function play() public payable {
        pot += msg.value;
    }

    function payout() public {
        require(msg.sender == owner);
        owner.transfer(pot);
        pot = 0;
    }
}
