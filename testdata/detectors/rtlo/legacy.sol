pragma solidity ^0.4.24;

// The "Trojan Source" token: the comment hides the argument order.
contract Token {
    address public owner = msg.sender;

    function _withdraw(address to, uint256 amount) internal {
        to.transfer(amount);
    }

    function withdraw(uint256 amount) public {
        _withdraw(/*‮ owner ,*/ msg.sender, amount); // want "rtlo"
    }

    string public label = "ab‮cd"; // want "rtlo"
}
