pragma solidity 0.6.12;

// Look-alikes of the fixed-point checks that do not cover the operation.
contract BadMath {
    uint256 internal constant RAY = 1e27;
    uint256 internal constant halfRAY = RAY / 2;

    uint256 public index;

    // a <= MAX / b covers a * b, not the halfRAY added to it.
    function mulNoRoom(uint256 a, uint256 b) internal pure returns (uint256) {
        require(a <= type(uint256).max / b, "MUL_OVERFLOW");
        return (a * b + halfRAY) / RAY; // want "integer-overflow"
    }

    // The check bounds another variable.
    function mulOther(uint256 a, uint256 b, uint256 d) internal pure returns (uint256) {
        require(d <= (type(uint256).max - halfRAY) / b, "MUL_OVERFLOW");
        return (a * b + halfRAY) / RAY; // want "integer-overflow"
    }

    // The room left is for another addend.
    function mulWrongAddend(uint256 a, uint256 b, uint256 c, uint256 e) internal pure returns (uint256) {
        require(a <= (type(uint256).max - c) / b, "MUL_OVERFLOW");
        return a * b + e; // want "integer-overflow"
    }

    // Divided by the wrong factor.
    function mulWrongFactor(uint256 a, uint256 b, uint256 d) internal pure returns (uint256) {
        require(a <= (type(uint256).max - halfRAY) / d, "MUL_OVERFLOW");
        return (a * b + halfRAY) / RAY; // want "integer-overflow"
    }

    // The minuend is not the maximum.
    function headroom(uint256 x) internal pure returns (uint256) {
        return (RAY - x) / 2; // want "integer-overflow"
    }

    // A signed subtrahend can make MAX - x overflow.
    function signedHeadroom(int256 x) internal pure returns (int256) {
        return type(int256).max - x; // want "integer-overflow"
    }

    function update(uint256 a, uint256 b, uint256 c, uint256 d, int256 s) external {
        index = mulNoRoom(a, b);
        index = mulOther(a, b, d);
        index = mulWrongAddend(a, b, c, d);
        index = mulWrongFactor(a, b, d);
        index = headroom(c);
        index = uint256(signedHeadroom(s));
    }
}
