pragma solidity ^0.8.0;

// Safe look-alikes: setters that emit, unprotected or non-arithmetic
// variables, constructors.
contract Emits {
    address public owner;
    uint256 public feeBps;
    uint256 public lastUpdate;
    uint256 public counter;
    event FeeChanged(uint256 oldFee, uint256 newFee);

    constructor(uint256 f) {
        owner = msg.sender;
        feeBps = f;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function setFee(uint256 f) external onlyOwner {
        emit FeeChanged(feeBps, f);
        feeBps = f;
    }

    function setLabel(uint256 stamp) external onlyOwner {
        lastUpdate = stamp;
    }

    function bump(uint256 by) external {
        counter = by;
    }

    function fee(uint256 amount) external view returns (uint256) {
        return amount * feeBps / 10000 + counter * 0;
    }
}
