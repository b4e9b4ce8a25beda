pragma solidity ^0.8.0;

// Safe look-alikes: the success flag decides what happens next.
library CallCheck {
    function verify(bool success, bytes memory data) internal pure returns (bytes memory) {
        if (!success) {
            revert("call failed");
        }
        return data;
    }
}

contract Checked {
    bool public lastOk;

    function a(address to) external {
        (bool ok, ) = to.call{value: 1}("");
        require(ok, "failed");
    }

    function b(address to) external {
        (bool ok, ) = to.call{value: 1}("");
        if (!ok) {
            revert();
        }
    }

    function c(address to) external returns (bool) {
        (bool ok, ) = to.call{value: 1}("");
        return ok;
    }

    function d(address to, bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call(data);
        return CallCheck.verify(ok, ret);
    }

    function e(address to) external returns (bool success, bytes memory ret) {
        (success, ret) = to.delegatecall("");
        success = !success;
    }

    function f(address to) external {
        (bool ok, ) = to.call("");
        lastOk = ok;
    }

    function g(address to) external {
        (bool ok, ) = to.call("");
        bool done = ok && to != address(0);
        require(done);
    }

    function h(address to) external view returns (uint256) {
        (bool ok, bytes memory data) = to.staticcall("");
        return ok ? abi.decode(data, (uint256)) : 0;
    }
}
