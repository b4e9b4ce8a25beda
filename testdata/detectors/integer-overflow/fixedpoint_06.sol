pragma solidity 0.6.12;

// Fixed-point rounding as in Aave's WadRayMath and PercentageMath: the
// check a <= (MAX - c) / b proves a * b + c <= MAX, and MAX - c never
// wraps for an unsigned c.
contract RayMath {
    uint256 internal constant RAY = 1e27;
    uint256 internal constant halfRAY = RAY / 2;
    uint256 internal constant PERCENTAGE_FACTOR = 1e4;
    uint256 internal constant HALF_PERCENT = PERCENTAGE_FACTOR / 2;

    uint256 public index;

    function rayMul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0 || b == 0) {
            return 0;
        }
        require(a <= (type(uint256).max - halfRAY) / b, "MUL_OVERFLOW");
        return (a * b + halfRAY) / RAY;
    }

    function rayDiv(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b != 0, "DIV_BY_ZERO");
        uint256 halfB = b / 2;
        require(a <= (type(uint256).max - halfB) / RAY, "MUL_OVERFLOW");
        return (a * RAY + halfB) / b;
    }

    function percentMul(uint256 value, uint256 percentage) internal pure returns (uint256) {
        if (value == 0 || percentage == 0) {
            return 0;
        }
        require(value <= (type(uint256).max - HALF_PERCENT) / percentage, "MUL_OVERFLOW");
        return (value * percentage + HALF_PERCENT) / PERCENTAGE_FACTOR;
    }

    function percentDiv(uint256 value, uint256 percentage) internal pure returns (uint256) {
        require(percentage != 0, "DIV_BY_ZERO");
        uint256 halfPercentage = percentage / 2;
        require(value <= (type(uint256).max - halfPercentage) / PERCENTAGE_FACTOR, "MUL_OVERFLOW");
        return (value * PERCENTAGE_FACTOR + halfPercentage) / percentage;
    }

    // Swapped operands: the check bounds b, and the addend comes first.
    function mulSwapped(uint256 a, uint256 b, uint256 c) internal pure returns (uint256) {
        require(b <= (uint256(-1) - c) / a, "MUL_OVERFLOW");
        return c + b * a;
    }

    // The product alone under a <= MAX / b.
    function mulPlain(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b == 0 || a <= uint256(-1) / b, "MUL_OVERFLOW");
        return a * b;
    }

    // A constant bound that leaves room for the constant addend.
    function mulRoom(uint256 a, uint256 b) internal pure returns (uint256) {
        require(a <= (2**256 - 1 - 10) / b, "MUL_OVERFLOW");
        return a * b + 10;
    }

    function headroom(uint256 x) internal pure returns (uint256) {
        return (2**256 - 1 - x) / 2;
    }

    function update(uint256 a, uint256 b, uint256 c) external {
        index = rayMul(a, b);
        index = rayDiv(a, b);
        index = percentMul(a, b);
        index = percentDiv(a, b);
        index = mulSwapped(a, b, c);
        index = mulPlain(a, b);
        index = mulRoom(a, b);
        index = headroom(c);
    }
}
