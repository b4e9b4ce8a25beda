pragma solidity ^0.4.24;

// Words later versions reserved are names here, as solc 0.4.26 reads them:
// calldata and constructor (keywords since 0.5), override, immutable and
// unchecked (reserved since 0.5), virtual (a keyword since 0.6).
contract LegacyNames {
    uint256 public calldata;
    bytes32 constructor;
    address override;

    struct Slot {
        uint256 unchecked;
        uint256 virtual;
    }

    Slot immutable;

    function LegacyNames(address virtual) public {
        override = virtual;
    }

    function set(uint256 unchecked, bytes32 immutable) public {
        calldata = unchecked;
        constructor = immutable;
    }

    function total(uint256 override) public view returns (uint256) {
        return calldata + immutable.unchecked + immutable.virtual + override;
    }
}
