pragma solidity ^0.4.24;

// Legacy call options written as a statement: the call is configured,
// never made. Nothing is sent, but the code after it runs as if it was.
contract Escrow {
    mapping(address => uint256) public owed;
    address public arbiter;

    function release(address payee, uint256 amount) public {
        require(msg.sender == arbiter);
        require(owed[payee] >= amount);
        payee.call.value(amount); // want "unchecked-lowlevel"
        owed[payee] -= amount;
    }

    function ping(address target) public {
        target.call.gas(30000); // want "unchecked-lowlevel"
    }

    function both(address target, uint256 v) public {
        (target.call.gas(50000).value(v)); // want "unchecked-lowlevel"
    }

    function viaLibrary(address lib) public {
        lib.delegatecall.gas(100000); // want "unchecked-lowlevel"
    }
}
