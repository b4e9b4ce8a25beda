pragma solidity ^0.8.0;

// A proxy whose implementation only the admin can change.
contract AdminProxy {
    address public implementation;
    address public admin;

    constructor(address impl) {
        implementation = impl;
        admin = msg.sender;
    }

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin");
        _;
    }

    function upgradeTo(address impl) external onlyAdmin {
        implementation = impl;
    }

    function execute(address target, bytes calldata data) external onlyAdmin {
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }

    fallback() external payable {
        address impl = implementation;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, 0) }
            default { return(0, returndatasize()) }
        }
    }
}

// Batching calls into itself.
contract Multicall {
    function multicall(bytes[] calldata data) external returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i = 0; i < data.length; i++) {
            (bool ok, bytes memory r) = address(this).delegatecall(data[i]);
            require(ok);
            results[i] = r;
        }
    }
}

// Forwarding to a fixed library.
contract LibraryForwarder {
    address public immutable lib;
    address constant LIB2 = 0x1234567890123456789012345678901234567890;

    constructor(address l) {
        lib = l;
    }

    fallback() external {
        (bool ok, ) = lib.delegatecall(msg.data);
        require(ok);
    }

    function viaConstant() external {
        (bool ok, ) = LIB2.delegatecall(abi.encodeWithSignature("run()"));
        require(ok);
    }
}
