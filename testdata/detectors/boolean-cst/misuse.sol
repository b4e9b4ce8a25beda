pragma solidity ^0.8.0;

contract Misuse {
    address public owner;
    bool public paused;

    function isOwner(address a) internal view returns (bool) {
        return a == owner;
    }

    function withdraw() external {
        require(isOwner(msg.sender) || true); // want "boolean-cst"
        payable(msg.sender).transfer(address(this).balance);
    }

    function debug() external view returns (uint256) {
        if (false) { // want "boolean-cst"
            return 1;
        }
        return 0;
    }

    function always() external view returns (bool) {
        if (true) { // want "boolean-cst"
            return !paused;
        }
    }

    function check(bool ok) external pure returns (bool) {
        return ok && false; // want "boolean-cst"
    }

    function eq(bool ok) external pure returns (uint256) {
        if (ok == true) { // want "boolean-cst"
            return 1;
        }
        return !false ? 2 : 3; // want "boolean-cst"
    }
}
