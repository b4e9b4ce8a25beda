pragma solidity ^0.8.0;

// Look-alikes: pull payments, paying the caller, per-user payees, payees
// only the owner sets, unchecked sends, and payouts in loops.
contract PullAuction {
    address public leader;
    uint256 public top;
    mapping(address => uint256) public owed;

    function bid() external payable {
        require(msg.value > top);
        owed[leader] += top;
        leader = msg.sender;
        top = msg.value;
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        payable(msg.sender).transfer(amount);
    }
}

contract Registry {
    address public owner;
    address payable public treasury;
    mapping(uint256 => address payable) public sellers;
    address payable[] public payees;
    address payable public lastBidder;

    constructor() {
        owner = msg.sender;
        treasury = payable(msg.sender);
    }

    function setTreasury(address payable t) external {
        require(msg.sender == owner);
        treasury = t;
    }

    function list(uint256 id) external {
        sellers[id] = payable(msg.sender);
    }

    function buy(uint256 id) external payable {
        sellers[id].transfer(msg.value / 2);
        treasury.transfer(msg.value / 2);
    }

    function join() external {
        payees.push(payable(msg.sender));
    }

    function split() external payable {
        for (uint256 i = 0; i < payees.length; i++) {
            payees[i].transfer(msg.value / payees.length);
        }
    }

    function outbid() external payable {
        bool ok = lastBidder.send(1);
        ok;
        lastBidder.send(2);
        lastBidder = payable(msg.sender);
    }

    function tryPay() external payable {
        (bool ok, ) = lastBidder.call{value: 1}("");
        if (!ok) {
            owed += 1;
        }
        lastBidder = payable(msg.sender);
    }

    uint256 public owed;

    function refundMe() external {
        payable(msg.sender).transfer(1);
    }
}

// The payee is set by the constructor, by the owner, or claimed once while
// the slot is empty.
contract Fees {
    address payable public owner;
    address payable public feeTo;
    address payable public keeper;

    constructor() {
        owner = payable(msg.sender);
    }

    function setFeeTo(address payable f) external {
        require(msg.sender == owner);
        feeTo = f;
    }

    function claimKeeper() external {
        require(keeper == address(0));
        keeper = payable(msg.sender);
    }

    function flush() external {
        owner.transfer(address(this).balance / 3);
        feeTo.transfer(address(this).balance / 2);
        keeper.transfer(address(this).balance);
    }
}
