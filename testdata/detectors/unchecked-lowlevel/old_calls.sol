pragma solidity ^0.4.24;

contract Payout {
    address public owner;
    mapping(address => uint256) public credit;

    event Paid(address to, bool ok);

    constructor() public {
        owner = msg.sender;
    }

    function pay(address to, uint256 amount) public {
        require(msg.sender == owner);
        to.call.value(amount)(); // want "unchecked-lowlevel"
    }

    function forward(address target, bytes data) public {
        target.delegatecall(data); // want "unchecked-lowlevel"
    }

    function ping(address target) public {
        target.call(bytes4(keccak256("ping()"))); // want "unchecked-lowlevel"
    }

    function withdraw() public {
        uint256 amount = credit[msg.sender];
        credit[msg.sender] = 0;
        bool ok = msg.sender.call.value(amount)(); // want "unchecked-lowlevel"
        emit Paid(msg.sender, ok);
    }

    function withGas(address to) public {
        to.call.gas(50000).value(1 wei)(); // want "unchecked-lowlevel"
    }
}
