pragma solidity ^0.8.20;

import "./upgradeable_lib.sol";

// Anyone can upgrade: the UUPS hook checks nothing.
contract OpenUUPS is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    constructor() {
        _disableInitializers();
    }

    function initialize(address o) public initializer {
        __Ownable_init(o);
    }

    function _authorizeUpgrade(address) internal override {} // want "unprotected-upgrade"
}

// The implementation can be initialised by anyone and then destroyed.
contract LogicV1 is Initializable, OwnableUpgradeable {
    uint256 public value;

    function initialize(address o) public initializer { // want "unprotected-upgrade"
        __Ownable_init(o);
    }

    function kill() external onlyOwner {
        selfdestruct(payable(owner()));
    }
}

contract LogicV2 is Initializable, OwnableUpgradeable {
    function initialize() external initializer { // want "unprotected-upgrade"
        __Ownable_init(msg.sender);
    }

    function exec(address target, bytes calldata data) external onlyOwner {
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }
}

// Re-initialisation: no initializer modifier, no flag.
contract ReinitWallet is Initializable {
    address public owner;

    function initialize(address o) public {
        owner = o; // want "unprotected-upgrade"
    }

    function withdraw() external {
        require(msg.sender == owner);
        payable(owner).transfer(address(this).balance);
    }
}

// A hand-written proxy whose upgrade is open.
contract HandProxy {
    address public implementation;
    address public admin;

    constructor(address impl) {
        implementation = impl;
        admin = msg.sender;
    }

    function upgradeTo(address impl) external {
        implementation = impl; // want "unprotected-upgrade"
    }

    function changeAdmin(address a) external {
        require(msg.sender == admin);
        admin = a;
    }
}
