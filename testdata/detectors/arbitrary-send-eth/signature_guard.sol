pragma solidity ^0.8.0;

// Look-alikes of a signature guard that authorise nobody: the recovered
// signer compared with a value the caller chooses (anyone can sign their
// own request), only with address(0), with state anyone can set, or only
// stored or emitted; lookups keyed by the signer that anyone can satisfy;
// a multisig loop that may run zero times. All still send the contract's
// ether to a caller-chosen address.

library Sig {
    enum RecoverError { NoError, InvalidSignature }

    function tryRecover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address, RecoverError) {
        address signer = ecrecover(hash, v, r, s);
        if (signer == address(0)) {
            return (address(0), RecoverError.InvalidSignature);
        }
        return (signer, RecoverError.NoError);
    }

    function recover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        (address recovered, RecoverError error) = tryRecover(hash, v, r, s);
        require(error == RecoverError.NoError, "bad signature");
        return recovered;
    }

    function isValidSignatureNow(address signer, bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (bool) {
        (address recovered, RecoverError error) = tryRecover(hash, v, r, s);
        return error == RecoverError.NoError && recovered == signer;
    }
}

// OpenZeppelin 4.x MinimalForwarder: the signer must be the request's own
// `from`, so anyone can sign a request that moves the forwarder's balance.
contract Forwarder {
    using Sig for bytes32;

    struct ForwardRequest {
        address from;
        address to;
        uint256 value;
        uint256 nonce;
        bytes data;
    }

    mapping(address => uint256) private _nonces;

    receive() external payable {}

    function _digest(ForwardRequest calldata req) internal pure returns (bytes32) {
        return keccak256(abi.encode(req.from, req.to, req.value, req.nonce, keccak256(req.data)));
    }

    function verify(ForwardRequest calldata req, uint8 v, bytes32 r, bytes32 s) public view returns (bool) {
        address signer = _digest(req).recover(v, r, s);
        return _nonces[req.from] == req.nonce && signer == req.from;
    }

    function execute(ForwardRequest calldata req, uint8 v, bytes32 r, bytes32 s) external payable returns (bool ok) {
        require(verify(req, v, r, s), "signature does not match request");
        _nonces[req.from] = req.nonce + 1;
        (ok, ) = req.to.call{value: req.value}(abi.encodePacked(req.data, req.from)); // want "arbitrary-send-eth"
    }

    function executeInline(ForwardRequest calldata req, uint8 v, bytes32 r, bytes32 s) external {
        require(Sig.recover(_digest(req), v, r, s) == req.from, "bad signature");
        payable(req.to).transfer(req.value); // want "arbitrary-send-eth"
    }

    // The signature checker with the caller's claimed signer.
    function executeChecked(ForwardRequest calldata req, uint8 v, bytes32 r, bytes32 s) external {
        require(Sig.isValidSignatureNow(req.from, _digest(req), v, r, s), "bad signature");
        payable(req.to).transfer(req.value); // want "arbitrary-send-eth"
    }
}

contract WeakChecks {
    address public owner;
    address public signerAddr;
    mapping(address => uint256) public nonces;
    mapping(address => uint256) public balances;
    mapping(address => mapping(bytes32 => bool)) public approved;
    mapping(address => bool) public isSigner;
    address public lastSigner;

    event Signed(address signer);

    constructor() {
        owner = msg.sender;
    }

    receive() external payable {}

    function _digest(address to, uint256 amount) internal view returns (bytes32) {
        return keccak256(abi.encode(address(this), to, amount));
    }

    // Anyone can replace the signer.
    function setSigner(address s) external {
        signerAddr = s;
    }

    function addSigner(address s) external {
        require(msg.sender == owner);
        isSigner[s] = true;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function approve(bytes32 h) external {
        approved[msg.sender][h] = true;
    }

    function payParam(address payable to, uint256 amount, address from, uint8 v, bytes32 r, bytes32 s) external {
        require(ecrecover(_digest(to, amount), v, r, s) == from, "bad signature");
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function payNonzero(address payable to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(_digest(to, amount), v, r, s);
        require(signer != address(0), "invalid signature");
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function payRecorded(address payable to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        address signer = Sig.recover(_digest(to, amount), v, r, s);
        lastSigner = signer;
        emit Signed(signer);
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function paySettable(address payable to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        require(Sig.recover(_digest(to, amount), v, r, s) == signerAddr, "bad signature");
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    // A nonce keyed by the signer, compared with the caller's number.
    function payNonce(address payable to, uint256 amount, uint256 nonce, uint8 v, bytes32 r, bytes32 s) external {
        address signer = Sig.recover(_digest(to, amount), v, r, s);
        require(nonces[signer] == nonce, "bad nonce");
        nonces[signer]++;
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    // A balance anyone can make nonzero.
    function payHolder(address payable to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        address signer = Sig.recover(_digest(to, amount), v, r, s);
        require(balances[signer] != 0, "not a holder");
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    // A hash the signer approved themselves.
    function payApproved(address payable to, uint256 amount, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = Sig.recover(h, v, r, s);
        require(approved[signer][h], "not approved");
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    // With no signatures the loop does not run and nothing is checked.
    function payAll(address payable to, uint256 amount, uint8[] calldata v, bytes32[] calldata r, bytes32[] calldata s) external {
        bytes32 h = _digest(to, amount);
        for (uint256 i = 0; i < v.length; i++) {
            require(isSigner[Sig.recover(h, v[i], r[i], s[i])], "not a signer");
        }
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    // The check guards one branch only.
    function payBranch(address payable to, uint256 amount, bool signed, uint8 v, bytes32 r, bytes32 s) external {
        if (signed) {
            require(Sig.recover(_digest(to, amount), v, r, s) == owner, "not owner");
        }
        to.transfer(amount); // want "arbitrary-send-eth"
    }
}
