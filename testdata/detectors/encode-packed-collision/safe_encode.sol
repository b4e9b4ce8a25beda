pragma solidity ^0.8.0;

// Safe look-alikes: abi.encode, one dynamic value, delimiters between
// dynamic values, constants, packed bytes that are not hashed, a dynamic
// value right after its own length.
library Strings {
    function toString(uint256 value) internal pure returns (string memory) {
        if (value == 0) return "0";
        return "1";
    }
}

contract Encodings {
    string constant PREFIX = "prefix:";
    mapping(bytes32 => bool) seen;

    function a(string calldata x, string calldata y) external {
        seen[keccak256(abi.encode(x, y))] = true;
    }

    function b(string calldata x, uint256 n, address who) external {
        seen[keccak256(abi.encodePacked(x, n, who))] = true;
    }

    function c(string calldata name, string calldata typ) external pure returns (bytes32) {
        return keccak256(abi.encodePacked("Type(", name, " contents,", typ, ")"));
    }

    function d(string calldata x) external {
        seen[keccak256(abi.encodePacked(PREFIX, x))] = true;
    }

    function e(string calldata x, string calldata y) external pure returns (string memory) {
        return string(abi.encodePacked(x, y));
    }

    // EIP-191's personal message: the decimal length before the message
    // fixes where the message starts.
    function f(bytes memory message) external pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n", Strings.toString(message.length), message));
    }

    function g(string memory text) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(Strings.toString(bytes(text).length), text));
    }
}
