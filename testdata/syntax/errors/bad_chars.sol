pragma solidity ^0.8.0;

contract C {
    string s = "unterminated;
    uint256 # y;
}
