// want "solc-version"
pragma solidity >=0.4.0 <0.9.0;

contract Broad {
    function add(uint256 a, uint256 b) external pure returns (uint256) {
        return a + b;
    }
}
