pragma solidity ^0.6.0;

// Pre-0.8 subtractions that cannot wrap: -1 - x on a signed integer is ~x,
// and K - x % M with M <= K stays in range. Their look-alikes can wrap.
contract Encoding {
    uint256 public stored;
    int256 public signed;

    function negative(int256 value) external {
        stored = uint256(-1 - value);
    }

    function padding(uint256 len) external {
        stored = 32 - (len % 32);
    }

    function paddingSmaller(uint256 len) external {
        stored = 64 - (len % 32);
    }

    function roundUp(uint256 capacity) external {
        if (capacity % 32 != 0) {
            capacity += 32 - (capacity % 32); // want "integer-overflow"
        }
        stored = capacity;
    }

    function notComplement(int256 value) external {
        signed = -2 - value; // want "integer-overflow"
    }

    function paddingLarger(uint256 len) external {
        stored = 32 - (len % 64); // want "integer-overflow"
    }
}
