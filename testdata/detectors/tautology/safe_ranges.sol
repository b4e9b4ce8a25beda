pragma solidity ^0.8.0;

// Safe look-alikes: comparisons that can go either way.
contract Ranges {
    function a(uint256 x) external pure returns (bool) {
        return x > 0;
    }

    function b(int256 x) external pure returns (bool) {
        return x >= 0;
    }

    function c(uint256 x) external pure returns (bool) {
        return x <= type(uint128).max;
    }

    function d(uint8 x) external pure returns (bool) {
        return x < 255;
    }

    function e(uint256 balance) external pure returns (bool) {
        return balance != uint112(type(uint112).max);
    }

    function f(uint256 x) external pure returns (bool) {
        return x != uint256(int256(-1));
    }
}
