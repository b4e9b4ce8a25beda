// SPDX-License-Identifier: MIT
pragma solidity 0.8.x;

import {Math} from "mylib/Math.sol";

interface IVault {
    function deposit() external payable;
}

contract Vault is IVault {
    mapping(address => uint256) public shares;
    uint256 public total;

    function deposit() external payable {
        shares[msg.sender] += msg.value;
        total += msg.value;
    }

    function withdraw(uint256 amount) external {
        uint256 take = Math.min(amount, shares[msg.sender]);
        (bool ok, ) = msg.sender.call{value: take}("");
        require(ok, "send");
        shares[msg.sender] -= take;
        total -= take;
    }

    function invariant(uint256 x) external pure returns (uint256) {
        assert(x != 7);
        return x;
    }

    function unchecked_dec(uint256 x) external pure returns (uint256) {
        unchecked {
            return x - 1;
        }
    }
}
