pragma solidity ^0.4.24;

// Players submit their numbers in the clear: the second one picks the winner.
contract ParityGame {
    struct Bet {
        address player;
        uint guess;
    }

    Bet[2] public bets;
    uint8 count;

    function bet(uint guess) public payable {
        require(msg.value == 1 ether);
        bets[count] = Bet(msg.sender, guess); // want "tx-ordering"
        count++;
        if (count == 2) settle();
    }

    function settle() private {
        uint total = bets[0].guess + bets[1].guess;
        if (total % 2 == 0) {
            bets[0].player.transfer(2 ether);
        } else {
            bets[1].player.transfer(2 ether);
        }
        delete bets;
        count = 0;
    }
}

// Addresses only: the winner does not depend on a submitted choice.
contract Lottery {
    address[] public players;

    function enter() public payable {
        require(msg.value == 1 ether);
        players.push(msg.sender);
        if (players.length == 10) {
            uint idx = uint(keccak256(abi.encodePacked(block.timestamp))) % 10;
            players[idx].transfer(address(this).balance);
            delete players;
        }
    }
}
