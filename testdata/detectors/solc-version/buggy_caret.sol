// want "solc-version"
pragma solidity ^0.8.15;

contract Caret {
    uint256 public x;
}
