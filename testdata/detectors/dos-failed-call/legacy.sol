pragma solidity ^0.4.24;

contract Hill {
    address public holder;
    uint public price;

    function take() public payable {
        require(msg.value > price);
        if (!holder.send(price)) throw; // want "dos-failed-call"
        holder = msg.sender;
        price = msg.value;
    }

    function takeFor(address who) public payable {
        require(msg.value > price);
        require(holder.call.value(price)()); // want "dos-failed-call"
        holder = who;
        price = msg.value;
    }
}
