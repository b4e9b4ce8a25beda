pragma solidity ^0.8.0;

abstract contract RandomBase {
    function _random(uint256 n) internal view returns (uint256) {
        return uint256(keccak256(abi.encodePacked(block.timestamp, block.prevrandao, msg.sender))) % n; // want "weak-prng"
    }
}

contract Lottery is RandomBase {
    address[] public players;

    function enter() external payable {
        require(msg.value == 0.1 ether);
        players.push(msg.sender);
    }

    function pickWinner() external {
        uint256 index = _random(players.length);
        payable(players[index]).transfer(address(this).balance);
    }

    function coinFlip(bool guess) external payable {
        bytes32 h = keccak256(abi.encodePacked(blockhash(block.number - 1))); // want "weak-prng"
        bool side = uint256(h) > type(uint256).max / 2;
        if (side == guess) {
            payable(msg.sender).transfer(msg.value * 2);
        }
    }

    function roulette() external payable {
        if (block.timestamp % 15 == 0) { // want "weak-prng"
            payable(msg.sender).transfer(address(this).balance);
        }
    }
}
