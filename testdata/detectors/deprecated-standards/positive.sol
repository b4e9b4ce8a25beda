pragma solidity ^0.8.0;

contract Lottery {
    function draw(uint256 n) external view returns (uint256) {
        return uint256(keccak256(abi.encode(block.difficulty))) % n; // want "deprecated-standards"
    }
}
