pragma solidity ^0.8.0;

contract C {
    uint256 x;
    /* the rest of this file is a comment,
       because this one is never closed.
    function f() external {}
}
