pragma solidity ^0.8.0;

// Safe: split logic. The registry and its logic contract derive from one
// storage base; the registry delegatecalls the logic for what does not
// fit in its own bytecode, so both run on the registry's storage. The
// logic reads what the registry writes, and the registry reads what the
// logic writes.
abstract contract RegistryBase {
    address internal s_registrar;
    uint256 internal s_fallbackGasPrice;
    mapping(uint256 => address) internal s_upkeepAdmin;
}

contract RegistryLogic is RegistryBase {
    function register(address target) external returns (uint256 id) {
        require(msg.sender == s_registrar, "only registrar");
        id = uint256(uint160(target));
        s_upkeepAdmin[id] = msg.sender;
    }

    function gasPrice() external view returns (uint256) {
        return s_fallbackGasPrice;
    }
}

contract Registry is RegistryBase {
    address private immutable i_logic;

    constructor(address logic, address registrar, uint256 gasPrice) {
        i_logic = logic;
        s_registrar = registrar;
        s_fallbackGasPrice = gasPrice;
    }

    function adminOf(uint256 id) external view returns (address) {
        return s_upkeepAdmin[id];
    }

    fallback() external {
        (bool ok, ) = i_logic.delegatecall(msg.data);
        require(ok);
    }
}
