pragma solidity ^0.8.0;

// A broad 0.8 caret is normally built with a recent compiler: not flagged
// for the bugs of 0.8.0 itself.
contract Caret {
    uint256 public x;
}
