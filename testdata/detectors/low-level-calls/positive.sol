pragma solidity ^0.8.0;

contract Caller {
    address public impl;

    function pay(address payable to, uint256 amount) external {
        (bool ok, ) = to.call{value: amount}(""); // want "low-level-calls"
        require(ok, "failed");
    }

    function forward(bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = impl.delegatecall(data); // want "low-level-calls"
        require(ok, "failed");
        return ret;
    }

    function peek(address target) external view returns (bool ok) {
        (ok, ) = target.staticcall(abi.encodeWithSignature("decimals()")); // want "low-level-calls"
    }
}
