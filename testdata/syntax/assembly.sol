pragma solidity ^0.8.0;

contract Asm {
    uint256 stored;

    function yul(uint256 n) external returns (uint256 r) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            function double(a) -> b {
                b := mul(a, 2)
                leave
            }
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                if eq(i, 5) { continue }
                if gt(i, 100) { break }
                r := add(r, double(i))
            }
            switch r
            case 0 { r := 1 }
            case 0x10 { r := 2 }
            default { sstore(stored.slot, r) }
            mstore(ptr, "abc")
            let a, b := swap(1, 2)
            function swap(x, y) -> p, q { p := y q := x }
        }
        assembly "evmasm" {
            r := hex"00ff"
        }
    }
}
