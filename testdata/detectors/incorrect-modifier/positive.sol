pragma solidity ^0.8.0;

contract Guarded {
    address internal owner;
    bool internal open;
    mapping(address => bool) internal whitelist;
    event Denied(address who);

    constructor() {
        owner = msg.sender;
    }

    // Slither's example: when the condition is false, the body is skipped.
    modifier onlyWhitelisted() {
        if (whitelist[msg.sender]) { // want "incorrect-modifier"
            _;
        }
    }

    modifier earlyReturn() {
        if (msg.sender != owner) return; // want "incorrect-modifier"
        _;
    }

    // A loop may run zero times.
    modifier repeat(uint256 n) {
        for (uint256 i = 0; i < n; i++) { // want "incorrect-modifier"
            _;
        }
    }

    // The else branch logs and carries on: _log does not revert.
    modifier logged() {
        if (open) { // want "incorrect-modifier"
            _;
        } else {
            _log();
        }
    }

    function _log() internal {
        emit Denied(msg.sender);
    }

    function withdraw() external onlyWhitelisted returns (bool) {
        payable(msg.sender).transfer(1 ether);
        return true;
    }

    function a() external earlyReturn repeat(2) logged {}
}
