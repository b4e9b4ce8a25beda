pragma solidity ^0.8.0;

// The hash of block data is stored and later compared with a guess that a
// local holds: the local is a plain parameter copy, not a hash of supplied
// data, so the stored value is still a draw anyone can predict.
contract StoredDraw {
    bytes32 private target;
    uint256 public pot;

    function roll() external {
        target = keccak256(abi.encodePacked(block.timestamp, block.prevrandao)); // want "weak-prng"
    }

    function guess(bytes32 g) external payable {
        bytes32 mine = g;
        if (target == mine) {
            payable(msg.sender).transfer(address(this).balance);
        }
    }
}
