pragma solidity ^0.8.0;

// The same call helper, reached with value 0 from one entry point and with
// a caller-chosen or nonzero value from others: only the latter send ether.
library Addr {
    function functionCall(address target, bytes memory data) internal returns (bytes memory) {
        return functionCallWithValue(target, data, 0);
    }

    function functionCallWithValue(address target, bytes memory data, uint256 value) internal returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call{value: value}(data);
        require(ok, "call failed");
        return ret;
    }
}

contract Relay {
    using Addr for address;

    function poke(address target, bytes calldata data) external {
        target.functionCall(data);
    }

    function forward(address target, bytes calldata data, uint256 value) external {
        target.functionCallWithValue(data, value); // want "arbitrary-send-eth"
    }

    function tip(address target) external {
        Addr.functionCallWithValue(target, "", 1 wei); // want "arbitrary-send-eth"
    }

    function both(address target, uint256 value) external {
        target.functionCall("");
        target.functionCallWithValue("", value); // want "arbitrary-send-eth"
    }

    // The zero bound inside one call does not stick to the next.
    function nested(address target, uint256 value) external {
        Addr.functionCallWithValue(target, Addr.functionCall(target, ""), value); // want "arbitrary-send-eth"
    }
}
