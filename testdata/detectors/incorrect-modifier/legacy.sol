pragma solidity ^0.4.24;

contract Owned {
    address owner = msg.sender;

    modifier onlyOwner() {
        if (msg.sender == owner) _; // want "incorrect-modifier"
    }

    // The `_` after the loop is never reached when the loop returns.
    modifier notBlacklisted(address[] list) {
        for (uint256 i = 0; i < list.length; i++) {
            if (list[i] == msg.sender) return; // want "incorrect-modifier"
        }
        _;
    }

    function kill(address[] list) public onlyOwner notBlacklisted(list) {
        selfdestruct(owner);
    }
}
