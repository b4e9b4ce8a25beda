// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Hand-written proxies that keep the implementation in an ERC-1967 slot
// written with inline assembly: an upgrade function without a caller
// check, one checking an argument instead of msg.sender, and the guarded
// look-alikes (admin read from its slot, an onlyAdmin modifier).
contract SlotProxy {
    bytes32 internal constant IMPL_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    bytes32 internal constant ADMIN_SLOT = 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103;

    constructor(address impl) {
        address a = msg.sender;
        assembly {
            sstore(IMPL_SLOT, impl)
            sstore(ADMIN_SLOT, a)
        }
    }

    function _admin() internal view returns (address a) {
        assembly {
            a := sload(ADMIN_SLOT)
        }
    }

    function upgradeTo(address newImpl) external {
        assembly {
            sstore(IMPL_SLOT, newImpl) // want "unprotected-upgrade"
        }
    }

    fallback() external payable {
        assembly {
            let impl := sload(IMPL_SLOT)
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

contract GuardedSlotProxy {
    bytes32 internal constant IMPL_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    address public admin;

    constructor(address impl) {
        admin = msg.sender;
        assembly {
            sstore(IMPL_SLOT, impl)
        }
    }

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin");
        _;
    }

    function upgradeTo(address newImpl) external onlyAdmin {
        assembly {
            sstore(IMPL_SLOT, newImpl)
        }
    }

    function upgradeToAndCall(address newImpl, bytes calldata data) external {
        if (msg.sender != admin) revert("admin");
        assembly {
            sstore(IMPL_SLOT, newImpl)
        }
        (bool ok, ) = newImpl.delegatecall(data);
        require(ok);
    }

    fallback() external payable {
        assembly {
            let impl := sload(IMPL_SLOT)
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}
