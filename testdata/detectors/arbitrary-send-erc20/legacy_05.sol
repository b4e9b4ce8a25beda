pragma solidity ^0.5.0;

contract Token {
    function transferFrom(address from, address to, uint256 value) public returns (bool);
}

contract Exchange {
    Token public token;

    constructor(Token t) public {
        token = t;
    }

    function buyFor(address payer, uint256 value) public {
        require(token.transferFrom(payer, msg.sender, value)); // want "arbitrary-send-erc20"
    }
}
