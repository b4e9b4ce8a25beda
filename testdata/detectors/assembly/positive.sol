pragma solidity ^0.8.0;

contract Storage {
    uint256 internal value;

    function load(bytes32 slot) external view returns (uint256 r) {
        assembly { // want "assembly"
            r := sload(slot)
        }
    }

    modifier onlyEOA() {
        uint256 size;
        assembly ("memory-safe") { // want "assembly"
            size := extcodesize(caller())
        }
        require(size == 0, "contract");
        _;
    }

    function set(uint256 v) external onlyEOA {
        value = v;
    }
}

function codeSize(address a) view returns (uint256 s) {
    assembly { s := extcodesize(a) } // want "assembly"
}
