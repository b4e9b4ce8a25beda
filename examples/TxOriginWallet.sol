// SPDX-License-Identifier: MIT
pragma solidity ^0.6.12;

/// @title TxOriginWallet
/// @notice A personal wallet that only its owner may spend from.
///
/// BUG (tx.origin authentication, SWC-115): transferTo() checks tx.origin,
/// the account that started the transaction, instead of msg.sender, the
/// immediate caller. If the owner can be lured into calling any contract the
/// attacker controls (a "free airdrop", a malicious token's transfer hook),
/// that contract calls transferTo() and the check passes: tx.origin is still
/// the owner.
///
/// Fix: require(msg.sender == owner).
contract TxOriginWallet {
    address public owner;

    constructor() public payable {
        owner = msg.sender;
    }

    receive() external payable {}

    function transferTo(address payable to, uint256 amount) external {
        require(tx.origin == owner, "not the owner");
        to.transfer(amount);
    }

    function changeOwner(address newOwner) external {
        require(tx.origin == owner, "not the owner");
        owner = newOwner;
    }
}
