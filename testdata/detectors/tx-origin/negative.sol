pragma solidity ^0.8.0;

// Safe look-alikes: tx.origin that is not used to authorise.
contract NoContracts {
    address owner;
    address public lastOrigin;
    event Called(address origin);

    constructor() {
        owner = msg.sender;
    }

    function onlyHumans() external {
        require(tx.origin == msg.sender, "no contracts");
        lastOrigin = tx.origin;
        emit Called(tx.origin);
    }

    function authorised() external view returns (bool) {
        return msg.sender == owner;
    }
}
