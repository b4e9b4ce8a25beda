pragma solidity ^0.8.0;

// Deadlines computed from the block time, kept in struct fields: a
// transaction that lands one second late never meets the exact time.
contract Auctions {
    struct Auction {
        uint64 end;
        uint64 started;
        address winner;
    }

    mapping(uint256 => Auction) public auctions;

    function open(uint256 id) external {
        auctions[id] = Auction(uint64(block.timestamp + 1 days), uint64(block.timestamp), address(0));
    }

    function close(uint256 id) external {
        Auction storage a = auctions[id];
        require(block.timestamp == a.end, "not the end"); // want "incorrect-equality"
        a.winner = msg.sender;
    }

    function extend(uint256 id) external {
        Auction storage a = auctions[id];
        a.end = uint64(block.timestamp) + 1 hours;
        if (a.end == block.timestamp + 1 hours) { // want "incorrect-equality"
            a.winner = address(0);
        }
    }
}
