pragma solidity ^0.7.1;

// A require helper with an error code (Balancer's _require) checks the
// caller as require does; a helper that only reports is no guard.
function _require(bool condition, uint256 errorCode) pure {
    if (!condition) _revert(errorCode);
}

function _revert(uint256 errorCode) pure {
    assembly {
        mstore(0x0, errorCode)
        revert(0x0, 0x20)
    }
}

function _note(bool condition, uint256 errorCode) pure returns (uint256) {
    if (!condition) return errorCode;
}

contract Killable {
    address public owner = msg.sender;

    function kill() external {
        _require(msg.sender == owner, 1);
        selfdestruct(msg.sender);
    }

    function killNoted() external {
        _note(msg.sender == owner, 1);
        selfdestruct(msg.sender); // want "suicidal"
    }
}
