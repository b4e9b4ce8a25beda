pragma solidity ^0.8.0;

contract Owned {
    address public owner;
    address public pendingOwner;
    mapping(address => bool) public admins;
    mapping(address => bool) public voters;
    mapping(address => uint256) public balances;
    address public king;

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function transferOwnership(address n) external onlyOwner {
        pendingOwner = n;
    }

    function acceptOwnership() external {
        require(msg.sender == pendingOwner, "pending");
        owner = pendingOwner;
        pendingOwner = address(0);
    }

    function setOwner(address n) external {
        if (msg.sender != owner) revert("owner");
        owner = n;
    }

    function addAdmin(address a) external onlyOwner {
        admins[a] = true;
    }

    function renounceAdmin() external {
        admins[msg.sender] = false;
    }

    // Open registration of a non-privileged set.
    function register() external {
        voters[msg.sender] = true;
    }

    function vote() external view returns (bool) {
        require(voters[msg.sender], "not a voter");
        return true;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    // Paying to become king is the game.
    function claimThrone() external payable {
        require(msg.value > 1 ether, "pay more");
        king = msg.sender;
    }

    function kingOnly() external view {
        require(msg.sender == king, "king");
    }
}

// One-time initialisation.
contract InitOnce {
    address public owner;
    bool private initialized;

    function init(address o) external {
        require(!initialized, "done");
        initialized = true;
        owner = o;
    }

    function claim() external {
        require(owner == address(0), "owned");
        owner = msg.sender;
    }

    function act() external view {
        require(msg.sender == owner);
    }
}
