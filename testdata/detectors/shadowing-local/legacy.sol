pragma solidity ^0.4.24;

contract Token {
    string public name;
    uint256 public totalSupply;

    function Token(string name, uint256 supply) public { // want "shadowing-local"
        totalSupply = supply;
    }

    function mint(uint256 amount) public {
        uint totalSupply = amount; // want "shadowing-local"
        totalSupply += amount;
    }
}
