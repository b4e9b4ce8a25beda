pragma solidity ^0.8.0;

// Clearing a whole dynamic storage array zeroes every element: a loop in
// disguise, over an array that anyone can lengthen.
contract Raffle {
    address[] public tickets;
    uint256[] public stakes;

    function buy() external payable {
        tickets.push(msg.sender);
        stakes.push(msg.value);
    }

    function reset() external {
        require(tickets.length > 100);
        delete tickets; // want "unbounded-loop"
    }

    function restart() external {
        stakes = new uint256[](0); // want "unbounded-loop"
    }

    function close() external {
        _wipe();
    }

    function _wipe() internal {
        delete stakes; // want "unbounded-loop"
    }
}
