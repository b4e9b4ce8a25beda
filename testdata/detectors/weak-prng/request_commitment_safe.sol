pragma solidity ^0.6.0;

// Safe look-alike: an oracle stores the hash of a request's parameters,
// expiry time included, and later checks the parameters the fulfiller
// supplies against it. The block time is part of a commitment, not a
// random draw.
contract RequestCommitments {
    uint256 public constant EXPIRY_TIME = 5 minutes;
    mapping(bytes32 => bytes32) private commitments;

    function request(address sender, uint256 nonce, uint256 payment, address callback) external returns (bytes32 requestId) {
        requestId = keccak256(abi.encodePacked(sender, nonce));
        require(commitments[requestId] == 0, "Must use a unique ID");
        uint256 expiration = now + EXPIRY_TIME;
        commitments[requestId] = keccak256(abi.encodePacked(payment, callback, expiration));
    }

    function fulfill(bytes32 requestId, uint256 payment, address callback, uint256 expiration) external {
        bytes32 paramsHash = keccak256(abi.encodePacked(payment, callback, expiration));
        require(commitments[requestId] == paramsHash, "Params do not match request ID");
        delete commitments[requestId];
    }

    function cancel(bytes32 requestId, uint256 payment, address callback, uint256 expiration) external {
        bytes32 paramsHash;
        paramsHash = keccak256(abi.encodePacked(payment, callback, expiration));
        require(commitments[requestId] == paramsHash);
        require(expiration <= now, "Request is not expired");
        delete commitments[requestId];
    }
}
