pragma solidity >=0.8.17 <0.9.0;

// A range within one release series is as simple as a caret.
library Maths {
    function max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}
