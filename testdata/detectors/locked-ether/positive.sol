pragma solidity ^0.8.0;

contract Tickets { // want "locked-ether"
    mapping(address => uint256) public tickets;

    function buy() external payable {
        tickets[msg.sender] += msg.value / 1 ether;
    }
}

contract Base {
    receive() external payable {}
}

contract Vault is Base { // want "locked-ether"
    uint256 public count;

    function bump() external {
        count++;
    }
}
