pragma solidity ^0.8.0;

abstract contract ReentrancyGuard {
    uint256 private constant NOT_ENTERED = 1;
    uint256 private constant ENTERED = 2;
    uint256 private _status = NOT_ENTERED;

    modifier nonReentrant() {
        require(_status != ENTERED, "ReentrancyGuard: reentrant call");
        _status = ENTERED;
        _;
        _status = NOT_ENTERED;
    }
}

interface IERC721Receiver {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data) external returns (bytes4);
}

contract GuardedMint is ReentrancyGuard {
    mapping(address => bool) public claimed;

    function claim(uint256 id) external nonReentrant {
        require(!claimed[msg.sender]);
        IERC721Receiver(msg.sender).onERC721Received(msg.sender, address(0), id, "");
        claimed[msg.sender] = true;
    }
}
