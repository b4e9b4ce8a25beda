pragma solidity ^0.8.0;

// Shift amounts computed on purpose (Solady's LibPRNG and ERC20Votes):
// shl(wide, 16) is 16 or 32 — the width of a packed field chosen by a
// flag — and a bit count can itself be built by shifting. A plain value
// in the amount's place is the reversed-operand mistake and is reported,
// also when it reaches a Yul function's parameter.
contract PackedFields {
    function mask(uint256 n) external pure returns (uint256 m) {
        assembly {
            let wide := gt(n, 0xfffe)
            m := sub(shl(shl(wide, 16), 1), 1)
        }
    }

    function width(uint256 n) external pure returns (uint256 w) {
        assembly {
            function bits(isWide) -> b {
                b := shl(isWide, 16)
            }
            w := bits(gt(n, 0xfffe))
        }
    }

    function half(uint256 m) external pure returns (uint256 r) {
        assembly {
            r := shl(shr(1, m), 16)
        }
    }

    function reversed(uint256 word) external pure returns (uint256 r) {
        assembly {
            let x := calldataload(4)
            r := shr(x, 224) // want "incorrect-shift"
        }
    }

    function reversedInFunction(uint256 word) external pure returns (uint256 r) {
        assembly {
            function top(v) -> t {
                t := shr(v, 224) // want "incorrect-shift"
            }
            r := top(word)
        }
    }
}
