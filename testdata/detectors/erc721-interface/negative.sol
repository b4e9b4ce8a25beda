pragma solidity ^0.8.0;

contract GoodNFT {
    mapping(uint256 => address) internal owners;
    mapping(address => uint256) public balanceOf;
    mapping(uint256 => address) public getApproved;
    mapping(address => mapping(address => bool)) public isApprovedForAll;

    function ownerOf(uint256 id) external view returns (address owner) {
        owner = owners[id];
    }

    function approve(address to, uint256 id) external {
        getApproved[id] = to;
    }

    function setApprovalForAll(address operator, bool approved) external {
        isApprovedForAll[msg.sender][operator] = approved;
    }

    function transferFrom(address from, address to, uint256 id) public {
        require(owners[id] == from, "owner");
        owners[id] = to;
    }

    function safeTransferFrom(address from, address to, uint256 id) external {
        transferFrom(from, to, id);
    }

    function safeTransferFrom(address from, address to, uint256 id, bytes memory) public {
        transferFrom(from, to, id);
    }

    function supportsInterface(bytes4 id) external pure returns (bool) {
        return id == 0x80ac58cd;
    }
}

// ERC1155 shares setApprovalForAll and isApprovedForAll but is not ERC721.
contract MultiToken {
    mapping(uint256 => mapping(address => uint256)) internal balances;
    mapping(address => mapping(address => bool)) public isApprovedForAll;

    function balanceOf(address who, uint256 id) external view returns (uint256) {
        return balances[id][who];
    }

    function balanceOfBatch(address[] calldata, uint256[] calldata) external pure returns (uint256[] memory out) {
        return out;
    }

    function setApprovalForAll(address operator, bool approved) external {
        isApprovedForAll[msg.sender][operator] = approved;
    }

    function safeTransferFrom(address, address, uint256, uint256, bytes calldata) external {}
}

// An ERC20 token: approve and transferFrom return bool there.
contract Coin {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    function approve(address, uint256) external pure returns (bool) {
        return true;
    }

    function transferFrom(address, address, uint256) external pure returns (bool) {
        return true;
    }
}
