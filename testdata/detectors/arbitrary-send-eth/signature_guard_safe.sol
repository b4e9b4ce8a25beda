pragma solidity ^0.8.0;

// A payment authorised by a signature of a stored authority is as strong as
// one behind `require(msg.sender == owner)`: the recovered signer is
// compared with trusted state, or looked up in a stored set, before the
// ether moves. None of these is reported. (The signed digest is built by
// a helper, as Safe's encodeTransactionData does, so it is the signature
// check, not the hashing of the destination, that makes them safe.)

library Sig {
    enum RecoverError { NoError, InvalidSignature, InvalidSignatureLength }

    function tryRecover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address, RecoverError) {
        address signer = ecrecover(hash, v, r, s);
        if (signer == address(0)) {
            return (address(0), RecoverError.InvalidSignature);
        }
        return (signer, RecoverError.NoError);
    }

    function tryRecover(bytes32 hash, bytes memory signature) internal pure returns (address, RecoverError) {
        if (signature.length != 65) {
            return (address(0), RecoverError.InvalidSignatureLength);
        }
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(signature, 0x20))
            s := mload(add(signature, 0x40))
            v := byte(0, mload(add(signature, 0x60)))
        }
        return tryRecover(hash, v, r, s);
    }

    function recover(bytes32 hash, bytes memory signature) internal pure returns (address) {
        (address recovered, RecoverError error) = tryRecover(hash, signature);
        require(error == RecoverError.NoError, "bad signature");
        return recovered;
    }
}

interface IERC1271 {
    function isValidSignature(bytes32 hash, bytes memory signature) external view returns (bytes4);
}

library Checker {
    function isValidSignatureNow(address signer, bytes32 hash, bytes memory signature) internal view returns (bool) {
        (address recovered, Sig.RecoverError error) = Sig.tryRecover(hash, signature);
        return (error == Sig.RecoverError.NoError && recovered == signer) || isValidERC1271SignatureNow(signer, hash, signature);
    }

    function isValidERC1271SignatureNow(address signer, bytes32 hash, bytes memory signature) internal view returns (bool) {
        (bool success, bytes memory result) = signer.staticcall(
            abi.encodeWithSelector(IERC1271.isValidSignature.selector, hash, signature)
        );
        return (success && result.length >= 32 && abi.decode(result, (bytes32)) == bytes32(IERC1271.isValidSignature.selector));
    }
}

// The owner's signature, checked with ecrecover directly or via the library.
contract SignedVault {
    using Sig for bytes32;

    address public owner;
    uint256 public nonce;

    constructor(address o) {
        owner = o;
    }

    receive() external payable {}

    function _digest(address to, uint256 amount) internal returns (bytes32) {
        return keccak256(abi.encode(address(this), to, amount, nonce++));
    }

    function payRaw(address payable to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 h = _digest(to, amount);
        require(ecrecover(h, v, r, s) == owner, "not owner");
        to.transfer(amount);
    }

    function pay(address payable to, uint256 amount, bytes calldata sig) external {
        bytes32 h = _digest(to, amount);
        address signer = h.recover(sig);
        require(signer == owner, "not owner");
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }

    // if-revert with a custom error.
    error Unauthorized();

    function payOrRevert(address payable to, uint256 amount, bytes calldata sig) external {
        bytes32 h = _digest(to, amount);
        if (Sig.recover(h, sig) != owner) revert Unauthorized();
        to.transfer(amount);
    }

    // The owner may be a contract wallet answering EIP-1271.
    function payChecked(address payable to, uint256 amount, bytes calldata sig) external {
        bytes32 h = _digest(to, amount);
        require(Checker.isValidSignatureNow(owner, h, sig), "bad signature");
        to.transfer(amount);
    }
}

// The owner read through a getter, as with OpenZeppelin's Ownable.
contract OwnedVault {
    address private _owner;
    uint256 public nonce;

    constructor() {
        _owner = msg.sender;
    }

    function owner() public view returns (address) {
        return _owner;
    }

    receive() external payable {}

    function _digest(address to, uint256 amount) internal returns (bytes32) {
        return keccak256(abi.encode(address(this), to, amount, nonce++));
    }

    function pay(address payable to, uint256 amount, bytes calldata sig) external {
        require(Sig.recover(_digest(to, amount), sig) == owner(), "not owner");
        to.transfer(amount);
    }
}

// Membership of a stored set: a boolean registry, a role, a helper that
// checks it, the tuple form of tryRecover.
contract SignerRegistry {
    mapping(address => bool) public isSigner;
    mapping(bytes32 => mapping(address => bool)) private _members;
    bytes32 public constant PAYER = keccak256("PAYER");
    address public admin;
    uint256 public nonce;

    constructor() {
        admin = msg.sender;
    }

    receive() external payable {}

    function addSigner(address s) external {
        require(msg.sender == admin);
        isSigner[s] = true;
        _members[PAYER][s] = true;
    }

    function _digest(address to, uint256 amount) internal returns (bytes32) {
        return keccak256(abi.encode(address(this), to, amount, nonce++));
    }

    function hasRole(bytes32 role, address account) public view returns (bool) {
        return _members[role][account];
    }

    function _checkSigner(address s) internal view {
        require(isSigner[s], "not a signer");
    }

    function payTuple(address payable to, uint256 amount, bytes calldata sig) external {
        bytes32 h = _digest(to, amount);
        (address rec, Sig.RecoverError err) = Sig.tryRecover(h, sig);
        require(err == Sig.RecoverError.NoError && isSigner[rec], "not a signer");
        to.transfer(amount);
    }

    function payNegated(address payable to, uint256 amount, bytes calldata sig) external {
        address rec = Sig.recover(_digest(to, amount), sig);
        if (!isSigner[rec]) revert();
        to.transfer(amount);
    }

    function payRole(address payable to, uint256 amount, bytes calldata sig) external {
        address rec = Sig.recover(_digest(to, amount), sig);
        require(hasRole(PAYER, rec), "missing role");
        to.transfer(amount);
    }

    function payHelper(address payable to, uint256 amount, bytes calldata sig) external {
        _checkSigner(Sig.recover(_digest(to, amount), sig));
        to.transfer(amount);
    }
}

// Safe-style threshold multisig: every one of `threshold` signatures is
// recovered (an EOA signature, or an EIP-1271 contract signature whose
// signer is encoded in r) and must be an owner in the linked list; the
// threshold is checked nonzero, so the loop runs.
contract ThresholdWallet {
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

    receive() external payable {}

    function checkSignatures(bytes32 dataHash, bytes memory signatures) public view {
        uint256 _threshold = threshold;
        require(_threshold > 0, "no threshold");
        checkNSignatures(dataHash, signatures, _threshold);
    }

    function checkNSignatures(bytes32 dataHash, bytes memory signatures, uint256 required) public view {
        require(signatures.length >= required * 65, "short");
        address lastOwner = address(0);
        address currentOwner;
        uint8 v;
        bytes32 r;
        bytes32 s;
        uint256 i;
        for (i = 0; i < required; i++) {
            (v, r, s) = split(signatures, i);
            if (v == 0) {
                currentOwner = address(uint160(uint256(r)));
                require(IERC1271(currentOwner).isValidSignature(dataHash, signatures) == IERC1271.isValidSignature.selector, "bad contract signature");
            } else {
                currentOwner = ecrecover(dataHash, v, r, s);
            }
            require(currentOwner > lastOwner && owners[currentOwner] != address(0) && currentOwner != SENTINEL, "not an owner");
            lastOwner = currentOwner;
        }
    }

    function split(bytes memory signatures, uint256 pos) internal pure returns (uint8 v, bytes32 r, bytes32 s) {
        assembly {
            let p := mul(0x41, pos)
            r := mload(add(signatures, add(p, 0x20)))
            s := mload(add(signatures, add(p, 0x40)))
            v := and(mload(add(signatures, add(p, 0x41))), 0xff)
        }
    }

    function execTransaction(address to, uint256 value, bytes calldata data, uint256 gasPrice, address payable refundReceiver, bytes memory signatures) external returns (bool success) {
        bytes32 txHash = encodeTransaction(to, value, data, gasPrice, refundReceiver, nonce);
        nonce++;
        checkSignatures(txHash, signatures);
        (success, ) = to.call{value: value}(data);
        if (gasPrice > 0) {
            handlePayment(gasPrice, refundReceiver);
        }
    }

    function encodeTransaction(address to, uint256 value, bytes calldata data, uint256 gasPrice, address refundReceiver, uint256 _nonce) internal view returns (bytes32) {
        return keccak256(abi.encode(address(this), to, value, keccak256(data), gasPrice, refundReceiver, _nonce));
    }

    function handlePayment(uint256 gasPrice, address payable refundReceiver) private {
        address payable receiver = refundReceiver == address(0) ? payable(tx.origin) : refundReceiver;
        require(receiver.send(gasPrice * 21000), "payment failed");
    }
}
