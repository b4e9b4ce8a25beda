pragma solidity ^0.4.24;

contract Token {
    function transfer(address to, uint256 value) public returns (bool);
    function transferFrom(address from, address to, uint256 value) public returns (bool);
}

contract Airdrop {
    Token public token;

    function drop(address[] recipients, uint256 value) public {
        for (uint256 i = 0; i < recipients.length; i++) {
            token.transfer(recipients[i], value); // want "unchecked-transfer"
        }
    }
}
