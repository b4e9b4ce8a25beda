pragma solidity ^0.8.0;

interface IPool {
    function deposit(uint256 amount) external;
}

contract Payout {
    address internal owner;

    constructor() {
        owner = msg.sender;
    }

    // Slither's example: the whole balance goes to address(0).
    function withdraw() external {
        require(msg.sender == owner, "owner");
        address payable to; // want "uninitialized-local"
        to.transfer(address(this).balance);
    }

    function fee(uint256 amount) external pure returns (uint256) {
        uint256 rate; // want "uninitialized-local"
        return (amount * rate) / 1e4;
    }

    // Read on the first path, assigned only afterwards.
    function pick(bool a) external pure returns (uint256 r) {
        uint256 x; // want "uninitialized-local"
        if (a) {
            r = x;
        }
        x = 5;
        r += x;
    }

    // A contract reference that is never set.
    function stake(uint256 amount) external {
        IPool pool; // want "uninitialized-local"
        pool.deposit(amount);
    }

    // Read in a loop condition before any assignment.
    function drain(uint256[] calldata xs) external pure returns (uint256 s) {
        uint256 limit; // want "uninitialized-local"
        for (uint256 i = 0; i < xs.length && i < limit; i++) {
            s += xs[i];
        }
    }
}

contract Batches {
    // Since 0.5 a declaration in a loop body zeroes the variable on every
    // iteration: the previous iteration's assignment does not reach the read.
    function lastNonZero(uint256[] calldata xs) external pure returns (uint256 r) {
        for (uint256 i = 0; i < xs.length; i++) {
            uint256 prev; // want "uninitialized-local"
            r += prev;
            prev = xs[i];
        }
    }
}
