pragma solidity ^0.8.0;

contract Exchange {
    address public owner;
    uint256 public feeBps;
    uint256 public price;
    uint256 public maxSupply;
    uint256 public totalSupply;

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function setFee(uint256 newFee) external onlyOwner {
        feeBps = newFee; // want "events-maths"
    }

    function setPrice(uint256 p) external {
        require(msg.sender == owner);
        _setPrice(p);
    }

    function _setPrice(uint256 p) internal {
        price = p; // want "events-maths"
    }

    function quote(uint256 amount) external view returns (uint256) {
        return amount * price + amount * feeBps / 10000;
    }

    function mint(uint256 amount) external onlyOwner {
        require(totalSupply + amount <= maxSupply);
        totalSupply += amount; // want "events-maths"
    }
}
