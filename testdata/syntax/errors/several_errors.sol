pragma solidity ^0.8.0;

contract B {
    function f( external {
        uint256 y = ;
    }

    function g() external {
        if (x > ) { }
        return 1
    }

    function ok() external pure returns (uint256) {
        return 7;
    }
}
