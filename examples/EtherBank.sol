// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title EtherBank
/// @notice Customers deposit ether and withdraw their whole balance.
///
/// BUG (reentrancy, SWC-107): withdrawAll() sends the ether with a low-level
/// call *before* it zeroes the caller's balance. A contract whose receive()
/// calls withdrawAll() again is paid its balance once per nested call, and
/// drains every other customer's deposit. 0.8's checked arithmetic does not
/// help: the balance is overwritten with 0, not decremented.
///
/// Fix: checks-effects-interactions (zero the balance before the call) or a
/// reentrancy guard on withdrawAll().
contract EtherBank {
    mapping(address => uint256) public balances;

    event Deposit(address indexed customer, uint256 amount);
    event Withdrawal(address indexed customer, uint256 amount);

    function deposit() external payable {
        require(msg.value > 0, "nothing to deposit");
        balances[msg.sender] += msg.value;
        emit Deposit(msg.sender, msg.value);
    }

    function withdrawAll() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "no balance");

        // Interaction before effect: the callee runs with its balance intact.
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");

        balances[msg.sender] = 0;
        emit Withdrawal(msg.sender, amount);
    }

    function totalDeposits() external view returns (uint256) {
        return address(this).balance;
    }
}
