pragma solidity ^0.8.0;

// Simulation-only gates (Chainlink's AutomationBase.cannotExecute): only an
// off-chain eth_call from the zero address has tx.origin == address(0), so
// the check keeps checkUpkeep from running on chain. No phishing contract
// can pass it. Comparing the origin with a stored address still authorises
// and is reported.
contract Upkeep {
    error OnlySimulatedBackend();

    address public owner = msg.sender;
    uint256 public counter;

    modifier cannotExecute() {
        if (tx.origin != address(0)) {
            revert OnlySimulatedBackend();
        }
        _;
    }

    function checkUpkeep(bytes calldata) external view cannotExecute returns (bool, bytes memory) {
        return (counter % 2 == 0, "");
    }

    function simulated() external view returns (bool) {
        return tx.origin == address(0);
    }

    function performUpkeep(bytes calldata) external {
        require(tx.origin == owner, "not owner"); // want "tx-origin"
        counter++;
    }
}
