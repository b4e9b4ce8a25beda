pragma solidity ^0.4.24;

contract Kitties {
    mapping(uint256 => address) public kittyIndexToOwner;
    mapping(address => uint256) ownershipTokenCount;

    function balanceOf(address _owner) public view returns (uint256 count) {
        return ownershipTokenCount[_owner];
    }

    function ownerOf(uint256 _tokenId) external view returns (uint256) { // want "erc721-interface"
        return uint256(kittyIndexToOwner[_tokenId]);
    }

    function transferFrom(address _from, address _to, uint256 _tokenId) external returns (bool) { // want "erc721-interface"
        require(kittyIndexToOwner[_tokenId] == _from);
        kittyIndexToOwner[_tokenId] = _to;
        return true;
    }
}
