pragma solidity ^0.8.0;

abstract contract Context {
    function _msgSender() internal view virtual returns (address) {
        return msg.sender;
    }
}

contract Ownable is Context {
    address private _owner;

    constructor() {
        _owner = _msgSender();
    }

    function owner() public view returns (address) {
        return _owner;
    }

    modifier onlyOwner() {
        _checkOwner();
        _;
    }

    function _checkOwner() internal view {
        require(owner() == _msgSender(), "caller is not the owner");
    }

    // Missing onlyOwner.
    function transferOwnership(address newOwner) public {
        require(newOwner != address(0));
        _setOwner(newOwner);
    }

    function claimOwnership() external {
        _setOwner(msg.sender);
    }

    function _setOwner(address o) internal {
        _owner = o; // want "unprotected-state-write"
    }
}

contract Treasury is Ownable {
    mapping(address => bool) public admins;
    mapping(bytes32 => mapping(address => bool)) private _roles;
    bytes32 public constant MINTER = keccak256("MINTER");

    function addAdmin(address a) external {
        admins[a] = true; // want "unprotected-state-write"
    }

    function removeAdmin(address a) external {
        admins[a] = false; // want "unprotected-state-write"
    }

    function becomeAdmin() external {
        admins[msg.sender] = true; // want "unprotected-state-write"
    }

    function hasRole(bytes32 role, address account) public view returns (bool) {
        return _roles[role][account];
    }

    function grantRole(bytes32 role, address account) public {
        _roles[role][account] = true; // want "unprotected-state-write"
    }

    function mint() external view {
        require(hasRole(MINTER, msg.sender), "minter");
    }

    function sweep(address payable to) external {
        require(admins[msg.sender], "admin");
        to.transfer(address(this).balance);
    }

    function rescue() external onlyOwner {
        payable(owner()).transfer(address(this).balance);
    }
}

// A reentrancy lock is not a one-time initializer.
contract Locked {
    address public owner;
    bool private locked;

    constructor() {
        owner = msg.sender;
    }

    modifier nonReentrantish() {
        require(!locked, "locked");
        locked = true;
        _;
        locked = false;
    }

    function setOwner(address o) external nonReentrantish {
        owner = o; // want "unprotected-state-write"
    }

    function sweep() external {
        require(msg.sender == owner);
        payable(owner).transfer(address(this).balance);
    }
}
