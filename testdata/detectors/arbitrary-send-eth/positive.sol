pragma solidity ^0.8.0;

library Pay {
    function sendValue(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "send failed");
    }
}

contract Faucet {
    address public owner;
    address payable public beneficiary;
    mapping(address => uint256) public balances;

    constructor() {
        owner = msg.sender;
        beneficiary = payable(msg.sender);
    }

    function payout(address payable to) external {
        to.transfer(address(this).balance); // want "arbitrary-send-eth"
    }

    function sweep(address payable to, uint256 amount) external {
        (bool ok, ) = to.call{value: amount}(""); // want "arbitrary-send-eth"
        require(ok);
    }

    function release(address payable to) external {
        Pay.sendValue(to, address(this).balance); // want "arbitrary-send-eth"
    }

    // Anyone can redirect the payout first.
    function setBeneficiary(address payable b) external {
        beneficiary = b;
    }

    function distribute() external {
        beneficiary.transfer(address(this).balance); // want "arbitrary-send-eth"
    }

    receive() external payable {
        balances[msg.sender] += msg.value;
    }
}
