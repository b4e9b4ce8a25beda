// want "solc-version"
pragma solidity ^0.4.24;

contract Old {
    uint256 public x;

    function set(uint256 v) public {
        x = v;
    }
}
