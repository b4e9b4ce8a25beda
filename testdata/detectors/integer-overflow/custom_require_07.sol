pragma solidity ^0.7.1;

// Require helpers with error codes (Balancer's _require / _revert): the
// condition is a bool parameter of a function whose body reverts unless it
// holds, through a chain of helpers that end in a revert in assembly. A
// check in such a helper guards the arithmetic after it; a helper that
// does not revert, or a check of another value, does not.
function _require(bool condition, uint256 errorCode) pure {
    if (!condition) _revert(errorCode);
}

function _revert(uint256 errorCode) pure {
    _revert(errorCode, 0x42414c);
}

function _revert(uint256 errorCode, bytes3 prefix) pure {
    uint256 prefixUint = uint256(uint24(prefix));
    assembly {
        mstore(0x0, add(errorCode, prefixUint))
        revert(0x0, 0x20)
    }
}

function _note(bool condition, uint256 errorCode) pure returns (uint256) {
    if (!condition) return errorCode;
}

contract Refunds {
    function refund(uint256 used) external payable {
        _require(msg.value >= used, 1);
        uint256 excess = msg.value - used;
        msg.sender.transfer(excess);
    }

    function refundNoted(uint256 used) external payable {
        _note(msg.value >= used, 1);
        uint256 excess = msg.value - used; // want "integer-overflow"
        msg.sender.transfer(excess);
    }

    function refundWrongCheck(uint256 used, uint256 limit) external payable {
        _require(limit >= used, 2);
        uint256 excess = msg.value - used; // want "integer-overflow"
        msg.sender.transfer(excess);
    }
}
