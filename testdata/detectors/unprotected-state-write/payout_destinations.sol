// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// A contract that guards its payouts but lets anyone choose where they go:
// whoever sets the treasury first receives the owner's next sweep.
library Address {
    function sendValue(address payable recipient, uint256 amount) internal {
        (bool ok, ) = recipient.call{value: amount}("");
        require(ok, "send");
    }
}

contract FeeVault {
    address public owner;
    address payable public treasury;
    address payable public feeTo;
    uint256 public fees;

    constructor() {
        owner = msg.sender;
        treasury = payable(msg.sender);
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    receive() external payable {
        fees += msg.value / 100;
    }

    function setTreasury(address payable t) external {
        treasury = t; // want "unprotected-state-write"
    }

    function setFeeTo(address payable f) public {
        feeTo = f; // want "unprotected-state-write"
    }

    function sweep() external onlyOwner {
        treasury.transfer(address(this).balance - fees);
    }

    function collectFees() external onlyOwner {
        uint256 amount = fees;
        fees = 0;
        Address.sendValue(feeTo, amount);
    }
}
