pragma solidity ^0.8.0;

// Safe look-alikes: amount first, masks built by shifting 1 or 0xff, both
// operands variables.
contract GoodShifts {
    function high(uint256 word) external pure returns (uint256 len) {
        assembly {
            len := shr(224, word)
        }
    }

    function bit(uint256 i) external pure returns (uint256 m) {
        assembly {
            m := shl(i, 1)
        }
    }

    function byteMask(uint256 i) external pure returns (uint256 m) {
        assembly {
            m := shl(mul(i, 8), 0xff)
        }
    }

    function both(uint256 a, uint256 b) external pure returns (uint256 r) {
        assembly {
            r := shr(a, b)
        }
    }

    function solidity(uint256 a) external pure returns (uint256) {
        return a >> 8;
    }
}
