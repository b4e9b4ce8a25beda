pragma solidity ^0.8.0;

contract Registry {
    mapping(bytes32 => address) public owners;
    mapping(bytes => bool) public used;

    function register(string calldata name, string calldata suffix) external {
        bytes32 id = keccak256(abi.encodePacked(name, suffix)); // want "encode-packed-collision"
        require(owners[id] == address(0));
        owners[id] = msg.sender;
    }

    function claim(address[] calldata users, address[] calldata admins, bytes32 signed) external view returns (bool) {
        bytes memory packed = abi.encodePacked(users, admins); // want "encode-packed-collision"
        return keccak256(packed) == signed;
    }

    function mark(bytes calldata a, bytes calldata b) external {
        used[abi.encodePacked(a, b)] = true; // want "encode-packed-collision"
    }

    function fingerprint(string memory a, uint256 n, string memory b) public pure returns (bytes32) {
        return sha256(abi.encodePacked(a, n, b)); // want "encode-packed-collision"
    }

    // A length prefix bounds only the value it measures.
    function otherLength(string memory a, string memory b) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(Decimal.toString(bytes(a).length), b)); // want "encode-packed-collision"
    }

    function prefixedThenBare(bytes memory s, bytes memory t) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(Decimal.toString(s.length), s, t)); // want "encode-packed-collision"
    }
}

library Decimal {
    function toString(uint256 value) internal pure returns (string memory) {
        return value == 0 ? "0" : "1";
    }
}
