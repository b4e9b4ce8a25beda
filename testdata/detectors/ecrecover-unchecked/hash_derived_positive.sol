pragma solidity ^0.8.0;

// Locals that are not only hash-derived: the caller can make them zero.
contract CurveMathBroken {
    function reassigned(bytes32 h, uint8 v, bytes32 r, bytes32 s, uint256[2] memory product, address who, bool useWho) external pure returns (bool) {
        address expected = address(uint160(uint256(keccak256(abi.encodePacked(product)))));
        if (useWho) {
            expected = who;
        }
        return ecrecover(h, v, r, s) == expected; // want "ecrecover-unchecked"
    }

    function maybeUnset(bytes32 h, uint8 v, bytes32 r, bytes32 s, uint256[2] memory product, bool set) external pure returns (bool) {
        address expected;
        if (set) {
            expected = address(uint160(uint256(keccak256(abi.encodePacked(product)))));
        }
        return ecrecover(h, v, r, s) == expected; // want "ecrecover-unchecked"
    }
}
