pragma solidity ^0.4.24;

// Decremented before anything is pushed: an empty array underflows.
contract Queue {
    uint[] pending;

    function cycle(uint x) public {
        pending.length--; // want "controlled-array-length"
        pending.push(x);
    }
}
