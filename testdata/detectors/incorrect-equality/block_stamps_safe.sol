pragma solidity ^0.8.0;

// Safe look-alikes: comparing the current block with a stamp the contract
// recorded from it asks "did this already happen in this block?" (skip an
// update, overwrite the block's checkpoint). The stamp is a struct field,
// set through a storage pointer in a library or in a struct constructor.
library ReserveMath {
    struct Reserve {
        uint40 lastUpdateTimestamp;
        uint256 index;
    }

    function normalized(Reserve storage r) internal view returns (uint256) {
        uint40 timestamp = r.lastUpdateTimestamp;
        if (timestamp == block.timestamp) {
            return r.index;
        }
        return r.index + (block.timestamp - timestamp);
    }

    function update(Reserve storage r) internal {
        if (r.lastUpdateTimestamp == uint40(block.timestamp)) {
            return;
        }
        r.index = normalized(r);
        r.lastUpdateTimestamp = uint40(block.timestamp);
    }
}

contract Votes {
    using ReserveMath for ReserveMath.Reserve;

    struct Checkpoint {
        uint32 fromBlock;
        uint224 votes;
    }

    ReserveMath.Reserve private reserve;
    Checkpoint[] private checkpoints;

    function clock() public view virtual returns (uint48) {
        return uint48(block.number);
    }

    function poke() external {
        reserve.update();
    }

    function write(uint224 votes) external {
        uint256 pos = checkpoints.length;
        if (pos > 0 && checkpoints[pos - 1].fromBlock == clock()) {
            checkpoints[pos - 1].votes = votes;
        } else {
            checkpoints.push(Checkpoint({fromBlock: uint32(clock()), votes: votes}));
        }
    }
}

// A clock that must be the block number compares the block with itself.
contract ClockMode {
    function clock() public view returns (uint48) {
        return uint48(block.number);
    }

    function CLOCK_MODE() public view returns (string memory) {
        require(clock() == block.number, "broken clock mode");
        return "mode=blocknumber&from=default";
    }
}
