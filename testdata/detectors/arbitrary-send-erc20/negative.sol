pragma solidity ^0.8.0;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface IERC20Permit {
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
}

library SafeERC20 {
    function safeTransferFrom(IERC20 token, address from, address to, uint256 value) internal {
        require(token.transferFrom(from, to, value), "transferFrom failed");
    }
}

contract Vault {
    using SafeERC20 for IERC20;

    IERC20 public token;
    address public owner;
    mapping(address => uint256) public shares;

    constructor(IERC20 t) {
        token = t;
        owner = msg.sender;
    }

    function deposit(uint256 amount) external {
        token.transferFrom(msg.sender, address(this), amount);
        shares[msg.sender] += amount;
    }

    function depositSafe(uint256 amount) external {
        _deposit(msg.sender, amount);
    }

    function _deposit(address from, uint256 amount) internal {
        token.safeTransferFrom(from, address(this), amount);
        shares[from] += amount;
    }

    function moveOwn(address to, uint256 amount) external {
        token.transferFrom(address(this), to, amount);
    }

    // Only the owner moves approved funds (a keeper).
    function collect(address from, uint256 amount) external {
        require(msg.sender == owner, "owner");
        token.transferFrom(from, owner, amount);
    }

    // A signed permit from `from` comes first.
    function depositWithPermit(address from, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        IERC20Permit(address(token)).permit(from, address(this), amount, deadline, v, r, s);
        token.transferFrom(from, address(this), amount);
        shares[from] += amount;
    }
}
