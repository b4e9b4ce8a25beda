pragma solidity ^0.8.0;

// A payable self-multicall in a contract that credits msg.value.
contract Router {
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function multicall(bytes[] calldata data) external payable returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i = 0; i < data.length; i++) {
            (bool ok, bytes memory r) = address(this).delegatecall(data[i]); // want "delegatecall-loop"
            require(ok);
            results[i] = r;
        }
    }
}

library Address {
    function functionDelegateCall(address target, bytes memory data) internal returns (bytes memory) {
        (bool ok, bytes memory r) = target.delegatecall(data);
        require(ok);
        return r;
    }
}

abstract contract Multicall {
    function multicall(bytes[] calldata data) external payable returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i = 0; i < data.length; i++) {
            results[i] = Address.functionDelegateCall(address(this), data[i]); // want "delegatecall-loop"
        }
    }
}

contract WethGateway is Multicall {
    mapping(address => uint256) public wrapped;

    function wrap() external payable {
        wrapped[msg.sender] += msg.value;
    }
}

// Arbitrary targets: every module sees the same msg.value.
contract Proxyish {
    function execAll(address[] calldata modules, bytes[] calldata data) external payable {
        uint256 i;
        do {
            (bool ok, ) = modules[i].delegatecall(data[i]); // want "delegatecall-loop"
            require(ok);
            i++;
        } while (i < modules.length);
    }
}
