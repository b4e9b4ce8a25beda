pragma solidity ^0.8.0;

// Signature checks that authorise nobody, in front of a delegatecall to
// the caller's target: a signer compared with the request's own `from`,
// a multisig loop that runs zero times when no signature is given, a check
// on one branch only.

library Sig {
    function recover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        address signer = ecrecover(hash, v, r, s);
        require(signer != address(0), "invalid signature");
        return signer;
    }
}

contract DelegatingForwarder {
    struct Request {
        address from;
        address to;
        bytes data;
    }

    mapping(address => bool) public isOwner;
    mapping(address => uint256) public nonces;

    constructor() {
        isOwner[msg.sender] = true;
    }

    function _digest(Request calldata req) internal view returns (bytes32) {
        return keccak256(abi.encode(req.from, req.to, keccak256(req.data), nonces[req.from]));
    }

    function execute(Request calldata req, uint8 v, bytes32 r, bytes32 s) external {
        require(Sig.recover(_digest(req), v, r, s) == req.from, "bad signature");
        nonces[req.from]++;
        (bool ok, ) = req.to.delegatecall(req.data); // want "controlled-delegatecall"
        require(ok);
    }

    function executeAll(address to, bytes calldata data, uint8[] calldata v, bytes32[] calldata r, bytes32[] calldata s) external {
        bytes32 h = keccak256(data);
        for (uint256 i = 0; i < v.length; i++) {
            require(isOwner[Sig.recover(h, v[i], r[i], s[i])], "not an owner");
        }
        (bool ok, ) = to.delegatecall(data); // want "controlled-delegatecall"
        require(ok);
    }

    function executeMaybe(address to, bytes calldata data, bool signed, uint8 v, bytes32 r, bytes32 s) external {
        if (signed) {
            require(isOwner[Sig.recover(keccak256(data), v, r, s)], "not an owner");
        }
        (bool ok, ) = to.delegatecall(data); // want "controlled-delegatecall"
        require(ok);
    }
}
