pragma solidity ^0.8.0;

contract Loops {
    function countdown(uint256 n) external pure returns (uint256 s) {
        for (uint256 i = n; i >= 0; i--) { // want "tautology"
            s += i;
            if (s > 100) break;
        }
    }

    function fits(uint256 x) external pure returns (bool) {
        return x <= type(uint256).max; // want "tautology"
    }

    function signedTooBig(int8 v) external pure returns (bool) {
        return v > 127; // want "tautology"
    }
}
