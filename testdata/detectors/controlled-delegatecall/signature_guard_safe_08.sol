pragma solidity ^0.8.0;

// Delegatecalls authorised by signatures of stored authorities: Safe-style
// owners over a threshold, a single stored signer, a role. None is
// reported.

library Sig {
    function recover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        address signer = ecrecover(hash, v, r, s);
        require(signer != address(0), "invalid signature");
        return signer;
    }
}

contract Executor {
    enum Operation { Call, DelegateCall }

    function execute(address to, uint256 value, bytes memory data, Operation operation) internal returns (bool success) {
        if (operation == Operation.DelegateCall) {
            assembly {
                success := delegatecall(gas(), to, add(data, 0x20), mload(data), 0, 0)
            }
        } else {
            assembly {
                success := call(gas(), to, value, add(data, 0x20), mload(data), 0, 0)
            }
        }
    }
}

contract MultiSig is Executor {
    address internal constant SENTINEL = address(0x1);
    mapping(address => address) internal owners;
    uint256 public threshold;
    uint256 public nonce;

    constructor(address[] memory _owners, uint256 _threshold) {
        address current = SENTINEL;
        for (uint256 i = 0; i < _owners.length; i++) {
            owners[current] = _owners[i];
            current = _owners[i];
        }
        owners[current] = SENTINEL;
        threshold = _threshold;
    }

    function encodeTransaction(address to, uint256 value, bytes memory data, Operation operation, uint256 _nonce) internal view returns (bytes32) {
        return keccak256(abi.encode(address(this), to, value, keccak256(data), operation, _nonce));
    }

    function checkSignatures(bytes32 dataHash, uint8[] memory v, bytes32[] memory r, bytes32[] memory s) internal view {
        uint256 _threshold = threshold;
        if (_threshold == 0) revert("not set up");
        address last = address(0);
        for (uint256 i = 0; i < _threshold; i++) {
            address current = Sig.recover(dataHash, v[i], r[i], s[i]);
            require(current > last && owners[current] != address(0) && current != SENTINEL, "not an owner");
            last = current;
        }
    }

    function execTransaction(address to, uint256 value, bytes memory data, Operation operation, uint8[] memory v, bytes32[] memory r, bytes32[] memory s) external returns (bool) {
        bytes32 txHash = encodeTransaction(to, value, data, operation, nonce);
        nonce++;
        checkSignatures(txHash, v, r, s);
        return execute(to, value, data, operation);
    }
}

contract SignedModule {
    address public signer;
    mapping(bytes32 => mapping(address => bool)) private _roles;
    bytes32 public constant EXECUTOR = keccak256("EXECUTOR");
    uint256 public nonce;

    constructor(address s) {
        signer = s;
        _roles[EXECUTOR][s] = true;
    }

    function _digest(address target, bytes memory data) internal returns (bytes32) {
        return keccak256(abi.encode(address(this), target, keccak256(data), nonce++));
    }

    function hasRole(bytes32 role, address account) public view returns (bool) {
        return _roles[role][account];
    }

    function run(address target, bytes memory data, uint8 v, bytes32 r, bytes32 s) external {
        require(Sig.recover(_digest(target, data), v, r, s) == signer, "not the signer");
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }

    function runRole(address target, bytes memory data, uint8 v, bytes32 r, bytes32 s) external {
        address who = Sig.recover(_digest(target, data), v, r, s);
        if (!hasRole(EXECUTOR, who)) revert("missing role");
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }
}
