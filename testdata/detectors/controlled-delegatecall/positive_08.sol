pragma solidity ^0.8.0;

library DelegateLib {
    function dcall(address target, bytes memory data) internal returns (bytes memory) {
        (bool ok, bytes memory ret) = target.delegatecall(data);
        require(ok, "failed");
        return ret;
    }
}

contract Executor {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function execute(address target, bytes calldata data) external {
        (bool ok, ) = target.delegatecall(data); // want "controlled-delegatecall"
        require(ok);
    }

    function run(address target, bytes memory data) public returns (bytes memory) {
        return DelegateLib.dcall(target, data); // want "controlled-delegatecall"
    }

    function runAsm(address target) external {
        _run(target);
    }

    function _run(address impl) internal {
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0) // want "controlled-delegatecall"
            if iszero(ok) { revert(0, 0) }
        }
    }
}

// A proxy whose implementation anyone can replace.
contract OpenProxy {
    address public implementation;
    address public admin;

    constructor(address impl) {
        implementation = impl;
        admin = msg.sender;
    }

    function setImplementation(address impl) external {
        implementation = impl;
    }

    fallback() external payable {
        address impl = implementation;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0) // want "controlled-delegatecall"
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, 0) }
            default { return(0, returndatasize()) }
        }
    }
}
