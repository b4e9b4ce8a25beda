// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

// EtherStore: the re-entrancy of the DAO, in miniature.
contract EtherStore {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 bal = balances[msg.sender];
        require(bal > 0);
        (bool sent, ) = msg.sender.call{value: bal}("");
        require(sent, "send failed");
        balances[msg.sender] = 0;
    }
}

// Suicidal: no access control on selfdestruct.
contract Suicidal {
    function close() external {
        selfdestruct(msg.sender);
    }

    receive() external payable {}
}

// TimeLock: lock time can be underflowed... here, the balance.
contract Ledger {
    mapping(address => uint256) public credit;

    function spend(uint256 amount) external {
        credit[msg.sender] = credit[msg.sender] - amount;
    }
}
