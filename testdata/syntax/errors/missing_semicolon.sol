pragma solidity ^0.8.0;

contract A {
    uint256 x = 1
    function f() external {
        x = 2;
    }
}
