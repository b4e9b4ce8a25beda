pragma solidity ^0.4.24;

// An internal library: inlined into its users, no linking needed.
library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        assert(c >= a);
        return c;
    }
}
