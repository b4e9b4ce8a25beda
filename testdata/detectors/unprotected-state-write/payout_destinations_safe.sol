// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Safe look-alikes: the payout destination is set behind the owner check,
// taken by the caller for themselves as the game's design (a throne bought
// with ether, a puzzle's winner), kept per user, or fixed at construction.
contract GuardedVault {
    address public owner;
    address payable public treasury;
    address payable public immutable dev;
    mapping(address => address payable) public payoutOf;
    mapping(address => uint256) public owed;

    constructor(address payable d) {
        owner = msg.sender;
        dev = d;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function setTreasury(address payable t) external onlyOwner {
        treasury = t;
    }

    function setPayout(address payable to) external {
        payoutOf[msg.sender] = to;
    }

    function sweep() external onlyOwner {
        treasury.transfer(address(this).balance);
        dev.transfer(0);
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        payoutOf[msg.sender].transfer(amount);
    }
}

contract Throne {
    address public owner;
    address payable public monarch;
    address payable public winner;
    uint256 public price = 1 ether;
    bytes32 public constant ANSWER = keccak256("hello");

    constructor() {
        owner = msg.sender;
    }

    function claim() external payable {
        require(msg.value >= price);
        monarch.transfer(msg.value);
        monarch = payable(msg.sender);
        price = msg.value * 2;
    }

    function solve(string calldata guess) external {
        if (keccak256(bytes(guess)) == ANSWER) {
            winner = payable(msg.sender);
        }
    }

    function payWinner() external {
        require(msg.sender == owner);
        winner.transfer(address(this).balance);
    }
}
