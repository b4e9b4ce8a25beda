pragma solidity ^0.8.0;

contract Shifts {
    function high(uint256 word) external pure returns (uint256 len) {
        assembly {
            len := shr(word, 224) // want "incorrect-shift"
        }
    }

    function up(uint256 a) external pure returns (uint256 r) {
        assembly {
            r := shl(a, 8) // want "incorrect-shift"
        }
    }

    function signed(int256 a) external pure returns (int256 r) {
        assembly {
            r := sar(a, 128) // want "incorrect-shift"
        }
    }
}
