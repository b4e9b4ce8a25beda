pragma solidity ^0.8.0;

// Requires the allowance to be reset to zero first.
contract ZeroFirst {
    mapping(address => mapping(address => uint256)) public allowed;

    function approve(address spender, uint256 value) public returns (bool) {
        require(value == 0 || allowed[msg.sender][spender] == 0, "reset to zero first");
        allowed[msg.sender][spender] = value;
        return true;
    }
}

// Offers increaseAllowance/decreaseAllowance.
contract Adjustable {
    mapping(address => mapping(address => uint256)) public allowed;

    function approve(address spender, uint256 value) public returns (bool) {
        allowed[msg.sender][spender] = value;
        return true;
    }

    function increaseAllowance(address spender, uint256 added) public returns (bool) {
        allowed[msg.sender][spender] += added;
        return true;
    }

    function decreaseAllowance(address spender, uint256 subtracted) public returns (bool) {
        allowed[msg.sender][spender] -= subtracted;
        return true;
    }
}

// ERC721 approve is per token, not an amount.
contract NFT {
    mapping(uint256 => address) public getApproved;
    mapping(uint256 => address) public ownerOf;

    function approve(address to, uint256 tokenId) public {
        require(ownerOf[tokenId] == msg.sender);
        getApproved[tokenId] = to;
    }
}
