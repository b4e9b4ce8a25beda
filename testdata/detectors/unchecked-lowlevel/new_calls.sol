pragma solidity ^0.8.0;

abstract contract Base {
    function _send(address to, uint256 amount) internal {
        payable(to).call{value: amount}(""); // want "unchecked-lowlevel"
    }
}

contract Vault is Base {
    mapping(address => uint256) public balances;
    address public target;

    modifier notify() {
        _;
        target.call(abi.encodeWithSignature("notify()")); // want "unchecked-lowlevel"
    }

    function withdraw() external notify {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        _send(msg.sender, amount);
    }

    function sweep(address to) external {
        (bool ok, ) = to.call{value: address(this).balance}(""); // want "unchecked-lowlevel"
    }

    function query(address t, bytes calldata d) external view returns (bytes memory) {
        (, bytes memory data) = t.staticcall(d); // want "unchecked-lowlevel"
        return data;
    }

    function later(address to) external {
        bool ok;
        // want "unchecked-lowlevel"
        (ok, ) = to.call{value: 1}("");
        ok = true;
    }
}
