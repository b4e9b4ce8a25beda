// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Staged only lets anyone destroy it after two other calls, in order: the
// shortest witness has three transactions.
contract Staged {
    uint256 public stage;

    function one() external {
        require(stage == 0);
        stage = 1;
    }

    function two() external {
        require(stage == 1);
        stage = 2;
    }

    function kill() external {
        require(stage == 2);
        selfdestruct(payable(msg.sender));
    }
}
