pragma solidity ^0.8.0;

contract Fees {
    uint256 public feeBps = 30;
    uint256 public rate = 5;
    mapping(address => uint256) public owed;

    function fee(uint256 amount) external view returns (uint256) {
        return amount / 10000 * feeBps; // want "divide-before-multiply"
    }

    function interest(uint256 principal, uint256 elapsed) external {
        uint256 perSecond = principal / 365 days;
        owed[msg.sender] = perSecond * elapsed; // want "divide-before-multiply"
    }

    function share(uint256 total, uint256 parts, uint256 mine) external pure returns (uint256) {
        return mine * (total / parts); // want "divide-before-multiply"
    }

    function scaled(uint256 x, uint256 d) external pure returns (uint256 y) {
        y = x;
        y /= d;
        y *= 1e18; // want "divide-before-multiply"
    }
}
