pragma solidity ^0.4.24;

// `X.length - 1` that is not (only) used as an index: a mapping key, a
// count paid out, a value stored for later use as an amount, a bound of a
// loop that may leave early, a new storage array length.
contract Lengths {
    uint256 public price;
    uint256 public owed;
    mapping(uint256 => address) public byIndex;

    function remove(address[] who) public {
        byIndex[who.length - 1] = msg.sender; // want "integer-overflow"
    }

    function refund(address[] count) public {
        uint256 total = count.length - 1; // want "integer-overflow"
        msg.sender.transfer(total * price); // want "integer-overflow"
    }

    function record(uint256[] xs) public {
        owed = xs.length - 1; // want "integer-overflow"
    }

    function claim() public {
        msg.sender.transfer(owed * price); // want "integer-overflow"
    }

    // Used as an index on one path, in arithmetic on the other.
    function both(uint256[] xs, bool credit) public {
        uint256 last = xs.length - 1; // want "integer-overflow"
        if (credit) {
            owed += last; // want "integer-overflow"
        } else {
            xs[last] = 1;
        }
    }

    // A loop that may leave early: the wrapped bound is not always run
    // into the index.
    function scan(uint256[] xs, uint256 stop) public {
        for (uint256 i = 0; i < xs.length - 1; i++) { // want "integer-overflow"
            if (i == stop) break;
            owed = xs[i];
        }
    }

    // The storage array length itself (the array length underflow).
    uint256[] public queue;

    function enqueue(uint256 x) public {
        queue.push(x);
    }

    function truncate(uint256[] xs) public {
        queue.length = xs.length - 1; // want "integer-overflow"
    }

    function dequeue() public {
        queue.length -= 1; // want "integer-overflow"
    }
}
