pragma solidity ^0.4.24;

// The entry is pushed in the same transaction before the length is
// decremented: the array cannot be empty there.
contract Queue {
    uint[] pending;
    uint public total;

    function cycle(uint x) public {
        pending.push(x);
        total += x;
        if (total > 100) {
            pending.length--;
        }
    }
}
