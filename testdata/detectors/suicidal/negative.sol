pragma solidity ^0.8.0;

// Safe look-alikes: selfdestruct behind a caller check.
contract Owned {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0));
        owner = newOwner;
    }
}

contract Guarded is Owned {
    function kill() external onlyOwner {
        selfdestruct(payable(owner));
    }

    function shutdown() external {
        require(msg.sender == owner, "only owner");
        _destroy();
    }

    function halt() external {
        if (msg.sender != owner) revert("only owner");
        _destroy();
    }

    function retire() external {
        _checkOwner();
        _destroy();
    }

    function _checkOwner() internal view {
        require(owner == msg.sender, "only owner");
    }

    function _destroy() internal {
        selfdestruct(payable(owner));
    }
}

// The owner is set once by a one-time initializer: not attacker-writable.
contract InitOnce {
    address public owner;
    bool private initialized;

    function init(address o) external {
        require(!initialized, "done");
        initialized = true;
        owner = o;
    }

    function kill() external {
        require(msg.sender == owner);
        selfdestruct(payable(owner));
    }
}

// Authorisation left to the deployed contract through an abstract hook.
abstract contract Killable {
    function _authorizeKill() internal virtual;

    function kill() external {
        _authorizeKill();
        selfdestruct(payable(msg.sender));
    }
}

// Role-based access control.
contract Roles {
    mapping(bytes32 => mapping(address => bool)) private _roles;
    bytes32 public constant ADMIN = keccak256("ADMIN");

    constructor() {
        _roles[ADMIN][msg.sender] = true;
    }

    function hasRole(bytes32 role, address account) public view returns (bool) {
        return _roles[role][account];
    }

    function grant(bytes32 role, address account) external {
        require(hasRole(ADMIN, msg.sender));
        _roles[role][account] = true;
    }

    function destroy() external {
        require(hasRole(ADMIN, msg.sender), "admin");
        selfdestruct(payable(msg.sender));
    }
}
