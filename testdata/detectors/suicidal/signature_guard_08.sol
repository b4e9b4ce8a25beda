pragma solidity ^0.8.0;

// selfdestruct behind signature checks: the owner's signature guards it;
// a signature of whoever the caller names, or a mere nonzero signer, does
// not.
contract SignedKill {
    address public owner;
    uint256 public nonce;

    constructor() {
        owner = msg.sender;
    }

    function _digest(address to) internal returns (bytes32) {
        return keccak256(abi.encode(address(this), to, nonce++));
    }

    function kill(address payable to, uint8 v, bytes32 r, bytes32 s) external {
        require(ecrecover(_digest(to), v, r, s) == owner, "not owner");
        selfdestruct(to);
    }

    function killFor(address payable to, address from, uint8 v, bytes32 r, bytes32 s) external {
        require(ecrecover(_digest(to), v, r, s) == from, "bad signature");
        selfdestruct(to); // want "suicidal"
    }

    function killAny(address payable to, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(_digest(to), v, r, s);
        require(signer != address(0), "invalid signature");
        selfdestruct(to); // want "suicidal"
    }
}
