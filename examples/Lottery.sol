// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Lottery
/// @notice Players buy tickets; when the round is full a winner takes the pot.
///
/// BUG (weak randomness, SWC-120): the winner is drawn from block.timestamp,
/// blockhash(block.number - 1) and the player count — values every other
/// contract in the same block can read. An attacker's contract computes the
/// same number and buys the last ticket only when it wins; the block
/// producer can also choose the timestamp.
///
/// Fix: a verifiable randomness source (Chainlink VRF) or commit-reveal.
contract Lottery {
    uint256 public constant TICKET_PRICE = 0.1 ether;
    uint256 public constant PLAYERS_PER_ROUND = 10;

    address payable[] public players;
    address public lastWinner;

    function buyTicket() external payable {
        require(msg.value == TICKET_PRICE, "wrong ticket price");
        players.push(payable(msg.sender));
        if (players.length == PLAYERS_PER_ROUND) {
            draw();
        }
    }

    function draw() private {
        uint256 random = uint256(
            keccak256(abi.encodePacked(block.timestamp, blockhash(block.number - 1), players.length))
        );
        address payable winner = players[random % players.length];
        lastWinner = winner;
        delete players;
        winner.transfer(address(this).balance);
    }
}
