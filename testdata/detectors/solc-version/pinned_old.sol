// want "solc-version"
pragma solidity =0.5.16;

contract PinnedOld {
    uint256 public x;
}
