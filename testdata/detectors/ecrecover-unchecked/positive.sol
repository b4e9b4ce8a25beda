pragma solidity ^0.8.0;

contract SigToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public nonces;
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    // The signer is compared with a caller-supplied address: from = 0 passes.
    function transferWithSig(address from, address to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 h = keccak256(abi.encodePacked(address(this), block.chainid, from, to, amount, nonces[from]++));
        require(ecrecover(h, v, r, s) == from, "bad sig"); // want "ecrecover-unchecked"
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
    }

    function permitLike(address holder, uint256 amount, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(signer == holder, "bad sig");
        nonces[holder]++;
        balanceOf[holder] -= amount;
        balanceOf[msg.sender] += amount;
    }

    function _recover(bytes32 h, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        return ecrecover(h, v, r, s);
    }

    function claimFor(address account, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        require(_recover(h, v, r, s) == account, "bad sig"); // want "ecrecover-unchecked"
        nonces[account]++;
        balanceOf[account] += 1;
    }
}

// Replay: a valid voucher can be submitted again and again.
contract Vouchers {
    address public signer;
    mapping(address => uint256) public credit;

    constructor(address s) {
        signer = s;
    }

    function redeem(address to, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 h = keccak256(abi.encodePacked(to, amount));
        address who = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(who != address(0) && who == signer, "bad sig");
        credit[to] += amount;
    }
}
