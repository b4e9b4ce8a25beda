pragma solidity ^0.8.0;

// Simulation helpers (Safe's StorageAccessible.simulateAndRevert): run any
// code by delegatecall and revert with the outcome, so that an off-chain
// caller can read what it would have done. Every effect is undone, so the
// caller-chosen target cannot harm the contract. A helper that reverts
// only on failure keeps the effects of success and is still reported.
contract Simulator {
    address public owner = msg.sender;

    function simulateAndRevert(address target, bytes memory payload) external {
        assembly {
            let success := delegatecall(gas(), target, add(payload, 0x20), mload(payload), 0, 0)
            mstore(0x00, success)
            mstore(0x20, returndatasize())
            returndatacopy(0x40, 0, returndatasize())
            revert(0, add(returndatasize(), 0x40))
        }
    }

    error Simulated(bool success, bytes result);

    function simulate(address target, bytes calldata payload) external {
        (bool success, bytes memory result) = target.delegatecall(payload);
        revert Simulated(success, result);
    }

    function simulateOrKeep(address target, bytes calldata payload) external {
        (bool success, bytes memory result) = target.delegatecall(payload); // want "controlled-delegatecall"
        if (!success) {
            revert Simulated(success, result);
        }
    }

    function execute(address target, bytes memory payload) external {
        assembly {
            let success := delegatecall(gas(), target, add(payload, 0x20), mload(payload), 0, 0) // want "controlled-delegatecall"
            returndatacopy(0, 0, returndatasize())
            switch success
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}
