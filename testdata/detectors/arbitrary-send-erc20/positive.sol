pragma solidity ^0.8.0;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
}

interface IERC721 {
    function safeTransferFrom(address from, address to, uint256 id) external;
}

library SafeERC20 {
    function safeTransferFrom(IERC20 token, address from, address to, uint256 value) internal {
        require(token.transferFrom(from, to, value), "transferFrom failed");
    }
}

contract Vault {
    using SafeERC20 for IERC20;

    IERC20 public token;
    IERC721 public nft;
    mapping(address => uint256) public shares;

    constructor(IERC20 t, IERC721 n) {
        token = t;
        nft = n;
    }

    function deposit(address from, uint256 amount) external {
        token.transferFrom(from, address(this), amount); // want "arbitrary-send-erc20"
        shares[msg.sender] += amount;
    }

    function depositSafe(address from, uint256 amount) external {
        token.safeTransferFrom(from, address(this), amount); // want "arbitrary-send-erc20"
        shares[msg.sender] += amount;
    }

    function pull(address from, address to, uint256 amount) public {
        _pull(from, to, amount);
    }

    function _pull(address from, address to, uint256 amount) internal {
        SafeERC20.safeTransferFrom(token, from, to, amount); // want "arbitrary-send-erc20"
    }

    function stealNft(address owner, uint256 id) external {
        nft.safeTransferFrom(owner, msg.sender, id); // want "arbitrary-send-erc20"
    }
}
