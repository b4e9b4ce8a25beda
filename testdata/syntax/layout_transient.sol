pragma solidity ^0.8.29;

contract Layout layout at 0x1234 + 2 {
    uint256 transient guard;
    bool transient;
}

contract Layout2 is Layout layout at 42 {
}
