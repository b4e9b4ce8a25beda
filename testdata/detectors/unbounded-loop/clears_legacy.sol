pragma solidity ^0.4.24;

contract Queue {
    address[] waiting;

    function join() public {
        waiting.push(msg.sender);
    }

    function flush() public {
        waiting.length = 0; // want "unbounded-loop"
    }
}
