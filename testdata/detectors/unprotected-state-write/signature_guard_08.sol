pragma solidity ^0.8.0;

// Privileged state written behind signature checks: by the stored owner's
// signature, or a member of the stored signer set, it is guarded; by a
// signature of the address being made admin, it is not.
contract SignedAdmin {
    address public owner;
    mapping(address => bool) public admins;
    mapping(address => bool) public isSigner;
    uint256 public nonce;

    constructor() {
        owner = msg.sender;
        isSigner[msg.sender] = true;
    }

    modifier onlyAdmin() {
        require(admins[msg.sender], "not admin");
        _;
    }

    function sweep(address payable to) external onlyAdmin {
        to.transfer(address(this).balance);
    }

    function _digest(address who) internal returns (bytes32) {
        return keccak256(abi.encode(address(this), who, nonce++));
    }

    function addAdmin(address a, uint8 v, bytes32 r, bytes32 s) external {
        require(ecrecover(_digest(a), v, r, s) == owner, "not owner");
        admins[a] = true;
    }

    function addAdminBySigner(address a, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(_digest(a), v, r, s);
        require(isSigner[signer], "not a signer");
        admins[a] = true;
    }

    function addSelf(address a, uint8 v, bytes32 r, bytes32 s) external {
        require(ecrecover(_digest(a), v, r, s) == a, "bad signature");
        admins[a] = true; // want "unprotected-state-write"
    }
}
