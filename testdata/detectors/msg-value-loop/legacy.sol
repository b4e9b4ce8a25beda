pragma solidity ^0.4.24;

contract OldBatch {
    mapping(address => uint) public balances;

    function() public payable {
        for (uint i = 0; i < 3; i++) {
            balances[msg.sender] += msg.value; // want "msg-value-loop"
        }
    }
}
