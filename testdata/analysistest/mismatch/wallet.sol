pragma solidity ^0.8.0;

// Deliberately wrong annotations for the harness's own test.
contract W {
    address owner;

    function a() external view returns (bool) {
        return tx.origin == owner;
    }

    function b() external view returns (bool) {
        return msg.sender == owner; // want "tx-origin"
    }

    function c() external view returns (bool) {
        return tx.origin != owner; // want "tx-origin"
    }
}
