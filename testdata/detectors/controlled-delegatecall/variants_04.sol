pragma solidity ^0.4.24;

// delegatecall into code the caller picks, in 0.4 syntax: a library address
// any caller can replace, a target read from calldata, and a target from
// a caller-chosen registry entry.
contract LibUser {
    address public lib;
    address public owner;
    mapping(bytes32 => address) public modules;

    function LibUser(address _lib) public {
        lib = _lib;
        owner = msg.sender;
    }

    function setLib(address _lib) public {
        lib = _lib;
    }

    function registerModule(bytes32 name, address impl) public {
        modules[name] = impl;
    }

    function run(uint256 n) public {
        require(lib.delegatecall(bytes4(keccak256("run(uint256)")), n)); // want "controlled-delegatecall"
    }

    function callModule(bytes32 name, bytes data) public {
        require(modules[name].delegatecall(data)); // want "controlled-delegatecall"
    }
}

// Safe look-alikes: FibonacciBalance-style forwarding of msg.data to a
// library fixed at construction, delegatecall to the contract itself, and
// an owner-set library.
contract FibonacciBalance {
    address public fibonacciLibrary;
    address public owner;
    uint public calculatedFibNumber;
    uint public withdrawalCounter;
    bytes4 constant fibSig = bytes4(keccak256("setFibonacci(uint256)"));

    function FibonacciBalance(address _fibonacciLibrary) public payable {
        fibonacciLibrary = _fibonacciLibrary;
        owner = msg.sender;
    }

    function withdraw() public {
        withdrawalCounter += 1;
        require(fibonacciLibrary.delegatecall(fibSig, withdrawalCounter));
        msg.sender.transfer(calculatedFibNumber * 1 ether);
    }

    function setLibrary(address l) public {
        require(msg.sender == owner);
        fibonacciLibrary = l;
    }

    function batch(bytes data) public {
        require(address(this).delegatecall(data));
    }

    function() public {
        require(fibonacciLibrary.delegatecall(msg.data));
    }
}
