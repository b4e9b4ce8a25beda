pragma solidity ^0.4.24;

contract Bonus {
    function bonus(uint256 value) public view returns (uint256) {
        return (msg.value / 100) * 5 + uint256(value / 3) * 2; // want "divide-before-multiply" "divide-before-multiply"
    }
}
