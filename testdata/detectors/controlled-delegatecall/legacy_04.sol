pragma solidity ^0.4.24;

contract Proxy {
    address owner;

    constructor() public {
        owner = msg.sender;
    }

    function forward(address callee, bytes _data) public {
        require(callee.delegatecall(_data)); // want "controlled-delegatecall"
    }

    function forwardOld(address callee) public {
        callee.callcode(bytes4(keccak256("run()"))); // want "controlled-delegatecall"
    }
}
