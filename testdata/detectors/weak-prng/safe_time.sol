pragma solidity ^0.8.0;

// Safe look-alikes: time arithmetic, block header verification, hashes
// of user data, and block numbers stored for bookkeeping.
contract Oracle {
    uint32 public lastTimestamp;
    uint256 public lastBlock;
    mapping(bytes32 => bool) public seen;

    function update() external {
        uint32 blockTimestamp = uint32(block.timestamp % 2 ** 32);
        uint256 day = block.timestamp % 1 days;
        uint256 hour = (block.timestamp / 3600) % 24;
        uint256 weekday = (block.timestamp / 1 days + 4) % 7;
        lastTimestamp = blockTimestamp + uint32(day) + uint32(hour) + uint32(weekday);
        lastBlock = block.number;
    }

    function verifyHeader(uint256 number, bytes calldata header) external view returns (bool) {
        return blockhash(number) == keccak256(header);
    }

    function verifyHash(uint256 number, bytes32 headerHash) external view returns (bool) {
        return blockhash(number) == headerHash;
    }

    function commit(bytes32 secret, uint256 nonce) external {
        bytes32 id = keccak256(abi.encodePacked(msg.sender, secret, nonce));
        require(!seen[id]);
        seen[id] = true;
    }

    function available(uint256 n) external view returns (bool) {
        return blockhash(n) != bytes32(0);
    }

    function modUser(uint256 x, uint256 m) external pure returns (uint256) {
        return x % m;
    }
}
