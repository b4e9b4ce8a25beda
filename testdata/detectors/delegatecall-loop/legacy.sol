pragma solidity ^0.4.24;
pragma experimental ABIEncoderV2;

contract OldMulticall {
    mapping(address => uint) public credit;

    function deposit() public payable {
        credit[msg.sender] += msg.value;
    }

    function batch(bytes[] data) public payable {
        for (uint i = 0; i < data.length; i++) {
            require(address(this).delegatecall(data[i])); // want "delegatecall-loop"
        }
    }
}
