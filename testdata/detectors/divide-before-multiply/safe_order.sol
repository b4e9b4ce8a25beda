pragma solidity ^0.8.0;

// Safe look-alikes: multiplication first, rounding to a multiple on
// purpose, ceiling division, remainders handled, constants.
contract Ordered {
    uint256 constant WAD = 1e18;
    uint256 constant HALF = (WAD / 2) * 3;

    function fee(uint256 amount, uint256 bps) external pure returns (uint256) {
        return amount * bps / 10000;
    }

    function floorTo(uint256 x, uint256 step) external pure returns (uint256) {
        return (x / step) * step;
    }

    function compress(int24 tick, int24 spacing) external pure returns (int24) {
        int24 compressed = tick / spacing;
        return compressed * spacing;
    }

    function chunks(uint256 len) external pure returns (uint256) {
        return 4 * ((len + 2) / 3);
    }

    function decoded(uint256 len) external pure returns (uint256 out) {
        out = (len / 4) * 3;
        if (len % 4 != 0) {
            out += 1;
        }
    }

    function euclid(uint256 a, uint256 b) external pure returns (uint256) {
        uint256 quotient = a / b;
        return a - b * quotient;
    }

    function half() external pure returns (uint256) {
        return HALF;
    }
}
