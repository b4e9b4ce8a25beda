pragma solidity ^0.8.0;

// Approvals are written in the caller's own namespace, or behind a check
// that always runs for a real caller (OpenZeppelin's ERC721 shape).
contract NFT {
    mapping(uint256 => address) private _owners;
    mapping(uint256 => address) private _tokenApprovals;
    mapping(address => mapping(address => bool)) private _operatorApprovals;

    function ownerOf(uint256 id) public view returns (address) {
        return _owners[id];
    }

    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    function setApprovalForAll(address operator, bool approved) external {
        _operatorApprovals[msg.sender][operator] = approved;
    }

    function approve(address to, uint256 id) external {
        _approve(to, id, msg.sender, true);
    }

    function _approve(address to, uint256 id, address auth, bool emitEvent) internal {
        if (emitEvent || auth != address(0)) {
            address owner = ownerOf(id);
            if (auth != address(0) && owner != auth && !isApprovedForAll(owner, auth)) {
                revert("not authorised");
            }
        }
        _tokenApprovals[id] = to;
    }

    function transferFrom(address from, address to, uint256 id) external {
        address owner = ownerOf(id);
        require(owner == from, "not owner");
        require(msg.sender == owner || _tokenApprovals[id] == msg.sender || isApprovedForAll(owner, msg.sender), "not approved");
        _owners[id] = to;
    }
}
