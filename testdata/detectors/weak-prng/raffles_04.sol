pragma solidity ^0.4.24;

// SmartBugs bad_randomness shapes not covered elsewhere: a winner drawn
// from a hash of block.difficulty and the coinbase (Ethraffle), a hash of
// the timestamp taken modulo 2 through an untyped local (EtherLotto), and
// the previous block hash scaled into a range (LuckyDoubler).
contract Ethraffle {
    address[] public contestants;

    function buyTickets() public payable {
        contestants.push(msg.sender);
        if (contestants.length == 50) {
            chooseWinner();
        }
    }

    function chooseWinner() private {
        address seed1 = contestants[uint(block.coinbase) % 50]; // want "weak-prng"
        uint seed3 = block.difficulty;
        bytes32 randHash = keccak256(seed1, seed3);
        uint winningNumber = uint(randHash) % 50; // want "weak-prng"
        contestants[winningNumber].transfer(1 ether);
    }
}

contract EtherLotto {
    uint constant TICKET_AMOUNT = 10;
    uint public pot;

    function play() public payable {
        assert(msg.value == TICKET_AMOUNT);
        pot += msg.value;
        var random = uint(sha3(block.timestamp)) % 2; // want "weak-prng"
        if (random == 0) {
            msg.sender.transfer(pot);
            pot = 0;
        }
    }
}

contract LuckyDoubler {
    uint constant private FACTOR = 1157920892373161954235709850086879078532699846656405640394575840079131296399;

    function rand(uint max) constant private returns (uint256 result) {
        uint256 factor = FACTOR * 100 / max;
        uint256 lastBlockNumber = block.number - 1;
        uint256 hashVal = uint256(block.blockhash(lastBlockNumber)); // want "weak-prng"
        return uint256((uint256(hashVal) / factor)) % max; // want "weak-prng"
    }

    function join() public payable {
        if (rand(10) == 3) {
            msg.sender.transfer(msg.value * 2);
        }
    }
}
