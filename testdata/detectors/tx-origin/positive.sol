pragma solidity ^0.8.0;

contract Wallet {
    address owner;

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(tx.origin == owner, "not owner"); // want "tx-origin"
        _;
    }

    function withdraw(address payable to) external onlyOwner {
        to.transfer(address(this).balance);
    }

    function setOwner(address o) external {
        if (tx.origin != owner) revert(); // want "tx-origin"
        owner = o;
    }

    function isOwner() internal view returns (bool) {
        return (owner == tx.origin); // want "tx-origin"
    }
}
