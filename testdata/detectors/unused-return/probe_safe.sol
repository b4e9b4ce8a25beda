// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Safe look-alike: a view call made as a statement of its own is an
// interface check (it reverts when the target does not implement the
// function or has no code); its result is not meant to be used
// (OpenZeppelin's CrosschainLinked._setLink).
interface IGateway {
    function supportsAttribute(bytes4 selector) external view returns (bool);
    function sendMessage(bytes calldata recipient, bytes calldata payload) external returns (bytes32 sendId);
}

contract Linked {
    address public gateway;

    function _setLink(address g) internal {
        // Sanity check: reverts if g is not a gateway.
        IGateway(g).supportsAttribute(bytes4(0));
        gateway = g;
    }

    function setLink(address g) external {
        _setLink(g);
    }
}
