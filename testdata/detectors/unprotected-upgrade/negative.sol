pragma solidity ^0.8.20;

import "./upgradeable_lib.sol";

// The shapes OpenZeppelin recommends.
contract SafeUUPS is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    constructor() {
        _disableInitializers();
    }

    function initialize(address o) public initializer {
        __Ownable_init(o);
    }

    function kill() external onlyOwner {
        selfdestruct(payable(owner()));
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

contract CheckedHook is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() initializer {}

    function initialize(address o) public initializer {
        __Ownable_init(o);
    }

    function _authorizeUpgrade(address) internal view override {
        require(msg.sender == owner(), "not owner");
    }
}

// A hand-written one-time initializer.
contract FlagInit is Initializable {
    address public owner;
    bool private initialized;

    function initialize(address o) external {
        require(!initialized, "initialized");
        initialized = true;
        owner = o;
    }

    function setOwner(address o) external {
        require(msg.sender == owner);
        owner = o;
    }
}

// Initializable without anything that destroys the implementation.
contract PlainLogic is Initializable, OwnableUpgradeable {
    uint256 public value;

    function initialize(address o) public initializer {
        __Ownable_init(o);
    }

    function set(uint256 v) external onlyOwner {
        value = v;
    }
}

// A hand-written proxy with an admin check.
contract AdminProxy {
    address public implementation;
    address public admin;

    constructor(address impl) {
        implementation = impl;
        admin = msg.sender;
    }

    function upgradeTo(address impl) external {
        require(msg.sender == admin, "admin");
        implementation = impl;
    }

    // Game-style names are not upgrades.
    mapping(uint256 => address) public heroOwner;

    function upgradeHero(uint256 id) external {
        heroOwner[id] = msg.sender;
    }
}
