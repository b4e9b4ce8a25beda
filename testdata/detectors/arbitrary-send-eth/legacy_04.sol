pragma solidity ^0.4.24;

contract Wallet {
    address owner;

    function Wallet() public {
        owner = msg.sender;
    }

    function() public payable {}

    function withdrawTo(address _to, uint _amount) public {
        require(_to.send(_amount)); // want "arbitrary-send-eth"
    }

    function migrateTo(address to) public {
        to.call.value(this.balance)(); // want "arbitrary-send-eth"
    }
}
