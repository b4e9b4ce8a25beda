pragma solidity ^0.4.24;

// Safe look-alikes: block values used for deadlines and bookkeeping, and
// randomness from a secret the player committed to before revealing.
contract CommitReveal {
    struct Commit {
        bytes32 hash;
        uint256 block;
    }

    mapping(address => Commit) public commits;
    mapping(address => uint256) public lastPlayed;
    uint256 public round;

    function commit(bytes32 h) public payable {
        require(msg.value == 1 ether);
        commits[msg.sender] = Commit(h, block.number);
        lastPlayed[msg.sender] = now;
    }

    function reveal(uint256 secret) public {
        Commit storage c = commits[msg.sender];
        require(keccak256(secret) == c.hash);
        require(block.number > c.block + 10 && block.number < c.block + 200);
        if (secret % 2 == 0) {
            msg.sender.transfer(2 ether);
        }
        delete commits[msg.sender];
    }

    function nextRound() public {
        require(now >= lastPlayed[msg.sender] + 1 days);
        round = block.number / 100;
    }
}
