pragma solidity ^0.8.0;

// A wallet in the style of Safe. Enabled modules form a registry of
// addresses keyed by the module itself: modules[msg.sender] != address(0)
// checks the caller as admins[msg.sender] does. setup() is a one-time
// initializer that runs at deployment (anyone calling it first is
// unprotected-upgrade's question). A lookup keyed by a caller-chosen
// address, and a setup that can run again, are still reported.
contract Wallet {
    address internal constant SENTINEL = address(0x1);
    mapping(address => address) internal modules;
    uint256 internal threshold;
    address internal owner;

    function setup(address owner_, address to, bytes calldata data) external {
        require(threshold == 0, "already set up");
        threshold = 1;
        owner = owner_;
        modules[SENTINEL] = SENTINEL;
        if (to != address(0)) {
            (bool ok, ) = to.delegatecall(data);
            require(ok);
        }
    }

    function enableModule(address module) external {
        require(msg.sender == owner, "only owner");
        modules[module] = modules[SENTINEL];
        modules[SENTINEL] = module;
    }

    function execFromModule(address to, bytes calldata data) external {
        require(msg.sender != SENTINEL && modules[msg.sender] != address(0), "not a module");
        (bool ok, ) = to.delegatecall(data);
        require(ok);
    }

    function execAsModule(address module, address to, bytes calldata data) external {
        require(modules[module] != address(0), "not a module");
        (bool ok, ) = to.delegatecall(data); // want "controlled-delegatecall"
        require(ok);
    }

    function reconfigure(address to, bytes calldata data) external {
        threshold = 1;
        (bool ok, ) = to.delegatecall(data); // want "controlled-delegatecall"
        require(ok);
    }
}
