pragma solidity ^0.4.24;

contract Registry {
    address public implementation;
    address public owner;

    function Registry() public {
        owner = msg.sender;
    }

    function setImplementation(address _impl) public {
        implementation = _impl; // want "unprotected-upgrade"
    }

    function upgradeToChecked(address _impl) public {
        require(msg.sender == owner);
        implementation = _impl;
    }

    function () public payable {
        address impl = implementation;
        require(impl.delegatecall(msg.data));
    }
}
