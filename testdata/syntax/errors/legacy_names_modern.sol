pragma solidity ^0.8.0;

// No compiler this pragma allows takes `calldata` as a name.
contract Modern {
    uint256 calldata;
}
