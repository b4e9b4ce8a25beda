pragma solidity ^0.4.24;

contract EvenBlock {
    function makeBet() public payable {
        bool won = (block.number % 2) == 0; // want "weak-prng"
        if (won) {
            msg.sender.transfer(msg.value * 2);
        }
    }
}

contract GuessTheNumber {
    uint8 answer;

    constructor() public payable {
        answer = uint8(keccak256(block.blockhash(block.number - 1), now)); // want "weak-prng"
    }

    function guess(uint8 n) public payable {
        require(msg.value == 1 ether);
        if (n == answer) {
            msg.sender.transfer(2 ether);
        }
    }
}

contract PredictBlockHash {
    struct Guess {
        uint256 block;
        bytes32 guess;
    }

    mapping(address => Guess) guesses;

    function lockInGuess(bytes32 hash) public payable {
        guesses[msg.sender].guess = hash;
        guesses[msg.sender].block = block.number + 1;
    }

    function settle() public {
        bytes32 answer = blockhash(guesses[msg.sender].block); // want "weak-prng"
        guesses[msg.sender].block = 0;
        if (guesses[msg.sender].guess == answer) {
            msg.sender.transfer(2 ether);
        }
    }
}

library Deck {
    function deal(address player, uint8 cardNumber) internal returns (uint8) {
        uint b = block.number;
        uint timestamp = block.timestamp;
        return uint8(uint256(keccak256(block.blockhash(b), player, cardNumber, timestamp)) % 52); // want "weak-prng"
    }
}

contract Raffle {
    uint256 private salt = block.timestamp;
    address[] players;

    function random(uint256 max) private view returns (uint256) {
        uint256 seed = block.number / 3 + (salt % 300); // want "weak-prng"
        uint256 h = uint256(blockhash(seed));
        return h % max + 1; // want "weak-prng"
    }

    function draw() public {
        address winner = players[random(players.length) - 1];
        winner.transfer(address(this).balance);
    }

    function coinbaseWinner() public {
        address w = players[uint(block.coinbase) % players.length]; // want "weak-prng"
        w.transfer(1 ether);
    }
}
