pragma solidity ^0.8.0;

contract BadNFT {
    mapping(uint256 => address) internal owners;
    mapping(address => uint256) internal balances;
    mapping(uint256 => address) internal approvals;
    mapping(address => mapping(address => bool)) internal operators;

    function balanceOf(address who) external view returns (uint256) {
        return balances[who];
    }

    function ownerOf(uint256 id) external view returns (bool) { // want "erc721-interface"
        return owners[id] == msg.sender;
    }

    function approve(address to, uint256 id) external returns (bool) { // want "erc721-interface"
        approvals[id] = to;
        return true;
    }

    function transferFrom(address from, address to, uint256 id) public {
        require(owners[id] == from, "owner");
        owners[id] = to;
    }

    function safeTransferFrom(address from, address to, uint256 id) external {
        transferFrom(from, to, id);
    }

    function safeTransferFrom(address from, address to, uint256 id, bytes calldata) external {
        transferFrom(from, to, id);
    }

    function setApprovalForAll(address operator, bool approved) external {
        operators[msg.sender][operator] = approved;
    }

    function getApproved(uint256 id) external view returns (address) {
        return approvals[id];
    }

    // A uint256 operator: not the standard's isApprovedForAll(address,address).
    function isApprovedForAll(address owner, uint256 operator) external view returns (bool) { // want "erc721-interface"
        return operators[owner][address(uint160(operator))];
    }
}
