// want "solc-version"
pragma solidity <0.9.0;

contract UpperOnly {
    uint256 public x;
}
