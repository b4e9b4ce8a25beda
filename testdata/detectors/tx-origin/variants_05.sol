pragma solidity ^0.5.0;

// tx.origin authorisation in the shapes SolidiFI injects and Phishable
// uses: against an address passed in, in a modifier, reversed operands,
// inside assert and combined with another condition.
contract Phishable {
    address payable public owner;
    mapping(address => bool) public admins;

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(tx.origin == owner); // want "tx-origin"
        _;
    }

    function () external payable {}

    function withdrawAll(address payable _recipient) public onlyOwner {
        _recipient.transfer(address(this).balance);
    }

    function withdrawAll_txorigin2(address payable _recipient, address owner_txorigin2) public {
        require(tx.origin == owner_txorigin2); // want "tx-origin"
        _recipient.transfer(address(this).balance);
    }

    function sendto(address payable receiver, uint amount) public {
        assert(owner == tx.origin); // want "tx-origin"
        receiver.transfer(amount);
    }

    function isAdmin(address who) public view returns (bool) {
        return admins[who];
    }

    function adminSweep(address payable receiver) public {
        if (!isAdmin(tx.origin)) revert(); // want "tx-origin"
        receiver.transfer(address(this).balance);
    }

    function adminPay(address payable receiver) public {
        require(admins[tx.origin] && receiver != address(0)); // want "tx-origin"
        receiver.transfer(1 ether);
    }
}

// Safe: tx.origin used to keep contracts out or only recorded.
contract Recorder {
    address public owner;
    mapping(address => uint256) public callsBy;

    constructor() public {
        owner = msg.sender;
    }

    function humanOnly() public {
        require(msg.sender == tx.origin, "no contracts");
        callsBy[tx.origin] += 1;
    }

    function withdraw(address payable to) public {
        require(msg.sender == owner);
        to.transfer(address(this).balance);
    }
}
