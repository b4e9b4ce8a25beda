pragma solidity ^0.8.0;

// A proxy that is initialised after deployment (Aave's and OpenZeppelin
// 2.x's InitializableUpgradeabilityProxy): initialize() sets the first
// implementation once and runs its setup by delegatecall. It is the proxy,
// not a logic contract, so there is no implementation for anyone to take
// over. Its upgrade entry point without an admin check is still reported.
contract InitializableProxy {
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    bytes32 internal constant ADMIN_SLOT = 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103;

    function initialize(address logic, address admin, bytes memory data) public payable {
        require(_implementation() == address(0));
        _setImplementation(logic);
        bytes32 slot = ADMIN_SLOT;
        assembly {
            sstore(slot, admin)
        }
        if (data.length > 0) {
            (bool ok, ) = logic.delegatecall(data);
            require(ok);
        }
    }

    function upgradeTo(address impl) external {
        _setImplementation(impl); // want "unprotected-upgrade"
    }

    function _implementation() internal view returns (address impl) {
        bytes32 slot = IMPLEMENTATION_SLOT;
        assembly {
            impl := sload(slot)
        }
    }

    function _setImplementation(address impl) internal {
        bytes32 slot = IMPLEMENTATION_SLOT;
        assembly {
            sstore(slot, impl)
        }
    }

    fallback() external payable {
        address impl = _implementation();
        assembly {
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}
