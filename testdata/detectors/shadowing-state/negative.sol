pragma solidity ^0.8.0;

// Redeclared private variables and storage gaps: each contract's code uses
// its own copy by design (the only redeclaration 0.6+ accepts).
contract Base {
    uint256 private secret;
    uint256[50] private __gap;

    function setSecret(uint256 s) external {
        secret = s;
    }
}

contract Derived is Base {
    uint256 private secret;
    uint256[50] private __gap;
    uint256 internal other;

    function useSecret() external view returns (uint256) {
        return secret + other;
    }
}

// Same name, no inheritance.
contract Unrelated {
    uint256 internal other;
}
