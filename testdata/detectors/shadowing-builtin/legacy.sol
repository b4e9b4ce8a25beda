pragma solidity ^0.4.24;

contract Clock {
    uint256 now; // want "shadowing-builtin"

    function expired(uint256 deadline) public view returns (bool) {
        return now > deadline;
    }

    function sha3(bytes data) public pure returns (bytes32) { // want "shadowing-builtin"
        return keccak256(data);
    }

    function close() public {
        address suicide = msg.sender; // want "shadowing-builtin"
        selfdestruct(suicide);
    }
}
