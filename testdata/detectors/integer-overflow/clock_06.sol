pragma solidity ^0.6.0;

// Time arithmetic that cannot wrap, or wraps on purpose, without SafeMath:
// the elapsed time since a stamp the contract recorded from the block
// (time only moves forward), the modular elapsed time of uint32 stamps
// (Uniswap V2's oracle: "subtraction overflow is desired"), and products
// too narrow to leave 256 bits. Deadlines in the future, caller-chosen
// times and wide operands stay reported.
interface IPair {
    function getReserves() external view returns (uint112, uint112, uint32);
}

contract Clock {
    struct Observation {
        uint256 timestamp;
        uint256 price;
    }

    uint256 public lastUpdate;
    uint256 public deadline;
    uint32 public lastStamp;
    uint224 public price;
    uint256 public accumulated;
    mapping(address => Observation) public observations;

    function currentStamp() internal view returns (uint32) {
        return uint32(block.timestamp % 2 ** 32);
    }

    function poke() external returns (uint256 elapsed) {
        elapsed = block.timestamp - lastUpdate;
        lastUpdate = block.timestamp;
    }

    function observe(address pair, uint256 p) external returns (uint256 elapsed) {
        Observation storage o = observations[pair];
        elapsed = block.timestamp - o.timestamp;
        o.timestamp = block.timestamp;
        o.price = p;
    }

    function observeCopy(address pair) external returns (uint256 elapsed) {
        Observation storage o = observations[pair];
        uint256 then = o.timestamp;
        elapsed = block.timestamp - then;
        o.timestamp = block.timestamp;
    }

    function accumulate(address pair) external {
        uint32 stamp = currentStamp();
        (, , uint32 last) = IPair(pair).getReserves();
        uint32 elapsed = stamp - last;
        accumulated = uint256(price) * elapsed;
        lastStamp = stamp;
    }

    function widen(uint128 a, uint128 b) external pure returns (uint256) {
        return uint256(a) * b;
    }

    function extend(uint256 duration) external {
        deadline = block.timestamp + duration; // want "integer-overflow"
    }

    function remaining() external view returns (uint256) {
        return deadline - block.timestamp; // want "integer-overflow"
    }

    function since(uint256 t) external view returns (uint256) {
        return block.timestamp - t; // want "integer-overflow"
    }

    // lastSeen is a stamp, but anyone may also set it: not only the past.
    uint256 public lastSeen;

    function seen() external {
        lastSeen = block.timestamp;
    }

    function setSeen(uint256 t) external {
        lastSeen = t;
    }

    function sinceSeen() external returns (uint256 d) {
        d = block.timestamp - lastSeen; // want "integer-overflow"
        lastSeen = block.timestamp;
    }

    function narrowSum(uint8 a, uint8 b) external pure returns (uint8) {
        return a + b; // want "integer-overflow"
    }

    function wide(uint256 a, uint32 b) external pure returns (uint256) {
        return a * b; // want "integer-overflow"
    }
}
