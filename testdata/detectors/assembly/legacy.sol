pragma solidity ^0.4.24;

contract Old {
    function isContract(address a) public view returns (bool) {
        uint256 size;
        assembly { // want "assembly"
            size := extcodesize(a)
        }
        return size > 0;
    }
}
