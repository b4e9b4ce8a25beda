// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title WalletLibrary
/// @notice Logic contract for cheap wallet proxies: each proxy delegates to
/// it and calls initialize() once to set its owner.
///
/// BUG (unprotected initializer + selfdestruct, SWC-105/SWC-106), after the
/// Parity multisig freeze of 2017: initialize() has no "already initialized"
/// check and no access control, so anyone can call it — on a proxy to take
/// it over, or on the library itself to become its owner and then call
/// kill(). Once the library self-destructs, every proxy delegating to it is
/// left without code and its ether is stuck. (Since Cancun, EIP-6780,
/// selfdestruct only deletes code in the transaction that created the
/// contract; it still sends the library's ether to the attacker, and
/// chains without EIP-6780 behave as before.)
///
/// Fix: an initializer guard (OpenZeppelin's Initializable), disable
/// initializers in the logic contract's constructor, and no selfdestruct in
/// logic contracts.
contract WalletLibrary {
    address public owner;
    uint256 public dailyLimit;

    modifier onlyOwner() {
        require(msg.sender == owner, "not the owner");
        _;
    }

    // Anyone, any number of times.
    function initialize(address _owner, uint256 _dailyLimit) external {
        owner = _owner;
        dailyLimit = _dailyLimit;
    }

    function execute(address payable to, uint256 value, bytes calldata data) external onlyOwner returns (bytes memory) {
        require(value <= dailyLimit, "over the daily limit");
        (bool ok, bytes memory result) = to.call{value: value}(data);
        require(ok, "call failed");
        return result;
    }

    function kill(address payable to) external onlyOwner {
        selfdestruct(to);
    }
}
