pragma solidity ^0.8.20;

contract Modern {
    address payable internal owner;
    uint256 public unlockAt;
    event Paid(address to, uint256 amount);

    constructor() {
        owner = payable(msg.sender);
        unlockAt = block.timestamp + 365 days;
    }

    function hash(bytes calldata data) external pure returns (bytes32) {
        return keccak256(data);
    }

    function seed() external view returns (bytes32, uint256, uint256) {
        return (blockhash(block.number - 1), gasleft(), block.prevrandao);
    }

    function pay(address to, uint256 amount) external {
        if (msg.sender != owner) revert("owner");
        (bool sent, ) = to.call{value: amount}("");
        require(sent, "failed");
        emit Paid(to, amount);
    }

    function value() external pure returns (uint256 constantValue) {
        constantValue = 1;
    }
}
