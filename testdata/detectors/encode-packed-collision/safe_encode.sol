pragma solidity ^0.8.0;

// Safe look-alikes: abi.encode, one dynamic value, delimiters between
// dynamic values, constants, packed bytes that are not hashed.
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
}
