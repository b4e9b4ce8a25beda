pragma solidity ^0.4.24;

contract Relay {
    uint public relayed;
    address public lastTarget;

    function relay(address target, bytes data) public {
        require(target.call(data)); // want "reentrancy-benign"
        relayed += 1;
        lastTarget = target;
    }
}
