pragma solidity ^0.6.0;

// Loop conditions bound what runs under them: the step of
// `for (; len >= 32; len -= 32)` runs only after an iteration the
// condition let in, and once a loop without break ends, its condition is
// false (len < 32). A body that changes the counter, or a break that can
// leave early, voids that.
contract Chunks {
    function copy(uint256 len) external pure returns (uint256 words, uint256 rest) {
        for (; len >= 32; len -= 32) {
            words += 1;
        }
        rest = 32 - len;
    }

    function drain(uint256 x) external pure returns (uint256 r) {
        while (x >= 10) {
            x -= 10;
        }
        r = 10 - x;
    }

    function skew(uint256 len) external pure returns (uint256 words) {
        for (; len >= 32; len -= 32) { // want "integer-overflow"
            len -= 1;
            words += 1;
        }
    }

    function early(uint256 len, bool stop) external pure returns (uint256 rest) {
        for (; len >= 32; len -= 32) {
            if (stop) {
                break;
            }
        }
        rest = 32 - len; // want "integer-overflow"
    }
}
