pragma solidity ^0.8.0;

library ECDSA {
    function recover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        address signer = ecrecover(hash, v, r, s);
        require(signer != address(0), "invalid signature");
        return signer;
    }
}

contract Safe {
    mapping(address => uint256) public nonces;
    mapping(bytes32 => bool) public used;
    mapping(address => bool) public isSigner;
    mapping(address => uint256) public balanceOf;
    address public owner;
    bytes32 public DOMAIN_SEPARATOR;

    constructor() {
        owner = msg.sender;
        DOMAIN_SEPARATOR = keccak256(abi.encode(block.chainid, address(this)));
    }

    // Zero-checked, nonce consumed.
    function transferWithSig(address from, address to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 h = keccak256(abi.encodePacked(from, to, amount, nonces[from]++));
        address signer = ecrecover(h, v, r, s);
        require(signer != address(0) && signer == from, "bad sig");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
    }

    // OpenZeppelin-style recover reverts on invalid signatures; the hash is used once.
    function execute(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        require(!used[h], "used");
        used[h] = true;
        require(ECDSA.recover(h, v, r, s) == owner, "not owner");
    }

    // Compared with the caller or with trusted state: address(0) cannot match.
    function selfCheck(bytes32 h, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        return ecrecover(h, v, r, s) == msg.sender;
    }

    function ownerCheck(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 d = keccak256(abi.encodePacked(DOMAIN_SEPARATOR, h));
        require(ecrecover(d, v, r, s) == owner, "not owner");
        balanceOf[owner] += 1;
    }

    function registry(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        require(isSigner[ecrecover(h, v, r, s)], "unknown signer");
        require(!used[h]);
        used[h] = true;
    }

    // A helper that returns a checked signer.
    function recoverChecked(bytes32 h, uint8 v, bytes32 r, bytes32 s) public pure returns (address) {
        address a = ecrecover(h, v, r, s);
        if (a == address(0)) revert("invalid");
        return a;
    }
}
