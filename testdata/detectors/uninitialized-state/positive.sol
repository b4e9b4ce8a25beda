pragma solidity ^0.8.0;

contract Vault {
    address payable destination; // want "uninitialized-state"
    address payable public beneficiary;
    mapping(address => bool) whitelist; // want "uninitialized-state"

    constructor(address payable b) {
        beneficiary = b;
    }

    function withdraw() external {
        require(whitelist[msg.sender], "not whitelisted");
        destination.transfer(address(this).balance);
    }
}

// Declared in a base, read through a modifier; nothing in the hierarchy
// writes it.
abstract contract Pausable {
    bool private paused; // want "uninitialized-state"

    modifier whenNotPaused() {
        require(!paused, "paused");
        _;
    }
}

contract Shop is Pausable {
    uint256 public sold;

    function buy() external whenNotPaused {
        sold += 1;
    }
}

// Read through an internal call chain.
interface IOracle {
    function latest() external view returns (uint256);
}

contract Pricer {
    IOracle oracle; // want "uninitialized-state"
    uint256 spread; // want "uninitialized-state"

    function _price() internal view returns (uint256) {
        return oracle.latest() + spread;
    }

    function quote(uint256 amount) external view returns (uint256) {
        return amount * _price();
    }
}

// A storage pointer to another variable does not write this one.
contract Registry {
    struct Entry {
        address owner;
    }

    mapping(uint256 => Entry) entries;
    Entry fallbackEntry; // want "uninitialized-state"

    function claim(uint256 id) external {
        Entry storage e = entries[id];
        e.owner = msg.sender;
    }

    function ownerOf(uint256 id) external view returns (address) {
        address o = entries[id].owner;
        return o == address(0) ? fallbackEntry.owner : o;
    }
}

// The implementation is never set; code reached by delegatecall could in
// principle write it, so this one is reported with low confidence.
contract Proxy {
    address implementation; // want "uninitialized-state"

    fallback() external payable {
        (bool ok, ) = implementation.delegatecall(msg.data);
        require(ok, "delegatecall failed");
    }
}
