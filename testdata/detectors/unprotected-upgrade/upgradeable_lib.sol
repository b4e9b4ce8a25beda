pragma solidity ^0.8.20;

// Minimal shapes of OpenZeppelin's Initializable, UUPSUpgradeable and
// OwnableUpgradeable: the base contracts themselves are safe.
abstract contract Initializable {
    uint64 private _initialized;
    bool private _initializing;

    error InvalidInitialization();

    modifier initializer() {
        bool isTopLevelCall = !_initializing;
        if (!(isTopLevelCall && _initialized < 1) && !(address(this).code.length == 0 && _initialized == 1)) {
            revert InvalidInitialization();
        }
        _initialized = 1;
        if (isTopLevelCall) {
            _initializing = true;
        }
        _;
        if (isTopLevelCall) {
            _initializing = false;
        }
    }

    modifier onlyInitializing() {
        require(_initializing, "not initializing");
        _;
    }

    function _disableInitializers() internal virtual {
        _initialized = type(uint64).max;
    }
}

abstract contract OwnableUpgradeable is Initializable {
    address private _owner;

    function __Ownable_init(address initialOwner) internal onlyInitializing {
        _owner = initialOwner;
    }

    function owner() public view returns (address) {
        return _owner;
    }

    modifier onlyOwner() {
        require(owner() == msg.sender, "not owner");
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0));
        _owner = newOwner;
    }
}

abstract contract UUPSUpgradeable is Initializable {
    address private immutable __self = address(this);
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    modifier onlyProxy() {
        require(address(this) != __self, "only proxy");
        _;
    }

    function upgradeToAndCall(address newImplementation, bytes memory data) public payable virtual onlyProxy {
        _authorizeUpgrade(newImplementation);
        _upgradeToAndCallUUPS(newImplementation, data);
    }

    function _authorizeUpgrade(address newImplementation) internal virtual;

    function _upgradeToAndCallUUPS(address newImplementation, bytes memory data) private {
        bytes32 slot = IMPLEMENTATION_SLOT;
        assembly {
            sstore(slot, newImplementation)
        }
        if (data.length > 0) {
            (bool ok, ) = newImplementation.delegatecall(data);
            require(ok);
        }
    }
}
