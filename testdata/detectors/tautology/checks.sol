pragma solidity ^0.4.24;

contract Checks {
    mapping(address => uint256) balances;
    uint8[] cards;

    function transfer(address to, uint256 value) public {
        require(balances[msg.sender] - value >= 0); // want "tautology"
        balances[msg.sender] -= value;
        balances[to] += value;
    }

    function card(uint8 id) public view returns (uint8) {
        if (id < 0 || id > cards.length) { // want "tautology"
            revert();
        }
        return cards[id];
    }

    function small(uint8 x) public pure returns (bool) {
        return x < 256; // want "tautology"
    }

    function never(uint256 x) public pure returns (bool) {
        return 0 > x; // want "tautology"
    }
}
