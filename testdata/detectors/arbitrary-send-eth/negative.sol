pragma solidity ^0.8.0;

contract Bank {
    address payable public owner;
    mapping(address => uint256) public balances;
    struct Deposit {
        address payable depositor;
        uint256 amount;
    }
    Deposit[] public deposits;

    constructor() {
        owner = payable(msg.sender);
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
        deposits.push(Deposit(payable(msg.sender), msg.value));
    }

    // Pull payment to the caller.
    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        payable(msg.sender).transfer(amount);
    }

    // The caller's own balance, sent where the caller likes.
    function withdrawTo(address payable to) external {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        to.transfer(amount);
    }

    // Forwarding the caller's own ether.
    function tip(address payable to) external payable {
        to.transfer(msg.value);
    }

    // Only the owner chooses the destination.
    function sweep(address payable to) external onlyOwner {
        to.transfer(address(this).balance);
    }

    function rescue(address payable to) external {
        if (msg.sender != owner) revert("owner");
        (bool ok, ) = to.call{value: address(this).balance}("");
        require(ok);
    }

    // Stored depositors, set from msg.sender.
    function refundAll() external onlyOwner {
        for (uint256 i = 0; i < deposits.length; i++) {
            deposits[i].depositor.transfer(deposits[i].amount);
        }
    }

    function refundFirst() external {
        deposits[0].depositor.transfer(deposits[0].amount);
    }

    // The owner, set only in the constructor.
    function payOwner() external {
        owner.transfer(address(this).balance);
    }
}

// Anyone may trigger a refund, but it goes to the depositor.
contract Refunds {
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function refund(address payable who) external {
        uint256 amount = deposits[who];
        deposits[who] = 0;
        who.transfer(amount);
    }
}
