// SPDX-License-Identifier: MIT
pragma solidity ^0.7.6;

// Three bugs the static detectors flag and the symbolic engine can prove
// with a replayed exploit, and one contract that is fine.

// Pays out before it forgets the balance: re-entrancy.
contract Vault {
    mapping(address => uint256) public shares;

    function put() external payable {
        shares[msg.sender] += msg.value;
    }

    function takeAll() external {
        uint256 owed = shares[msg.sender];
        require(owed > 0, "nothing");
        (bool ok, ) = msg.sender.call{value: owed}("");
        require(ok, "refused");
        shares[msg.sender] = 0;
    }
}

// Anyone can destroy it.
contract Beacon {
    receive() external payable {}

    function retire() external {
        selfdestruct(msg.sender);
    }
}

// Pre-0.8 subtraction without a check: the debt underflows.
contract Tab {
    mapping(address => uint256) public owed;

    function settle(uint256 amount) external {
        owed[msg.sender] = owed[msg.sender] - amount;
    }
}

// Effects before interactions, and an owner check: nothing to prove.
contract SafeVault {
    address public owner;
    mapping(address => uint256) public shares;

    constructor() {
        owner = msg.sender;
    }

    function put() external payable {
        shares[msg.sender] += msg.value;
    }

    function takeAll() external {
        uint256 owed = shares[msg.sender];
        require(owed > 0, "nothing");
        shares[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: owed}("");
        require(ok, "refused");
    }

    function retire() external {
        require(msg.sender == owner, "owner");
        selfdestruct(payable(owner));
    }
}
