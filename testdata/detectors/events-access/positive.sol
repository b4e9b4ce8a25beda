pragma solidity ^0.8.0;

contract Admin {
    address public owner;
    address public pendingOwner;
    mapping(address => bool) public operators;

    event OwnerChanged(address indexed previous, address indexed next);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    modifier onlyOperator() {
        require(operators[msg.sender], "operator");
        _;
    }

    function setOwner(address next) external onlyOwner {
        owner = next; // want "events-access"
    }

    function addOperator(address op) external onlyOwner {
        _setOperator(op, true);
    }

    function _setOperator(address op, bool on) internal {
        operators[op] = on; // want "events-access"
    }

    function proposeOwner(address next) external onlyOwner {
        pendingOwner = next; // want "events-access"
    }

    function acceptOwnership() external {
        require(msg.sender == pendingOwner, "pending");
        emit OwnerChanged(owner, pendingOwner);
        owner = pendingOwner;
    }

    function work() external onlyOperator {}
}
