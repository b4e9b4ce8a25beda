pragma solidity ^0.8.0;

// Anyone can reach selfdestruct: directly, through an internal helper,
// through an inherited function, and from assembly.
contract Closeable {
    function close() public {
        selfdestruct(payable(msg.sender)); // want "suicidal"
    }
}

contract Vault is Closeable {
    address public owner;
    bool public paused;

    constructor() {
        owner = msg.sender;
    }

    modifier whenNotPaused() {
        require(!paused, "paused");
        _;
    }

    function emergencyExit() external whenNotPaused {
        _destroy(payable(msg.sender));
    }

    function _destroy(address payable to) internal {
        selfdestruct(to); // want "suicidal"
    }

    function nuke(address payable to) external {
        assembly {
            selfdestruct(to) // want "suicidal"
        }
    }

    receive() external payable {}
}
