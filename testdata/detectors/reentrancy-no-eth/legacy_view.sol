pragma solidity ^0.4.24;

// Before Solidity 0.5 a call to a function declared view or pure is a
// plain CALL: the declaration does not bind the code at the receiver.
contract PriceFeed {
    function quote(address who) external view returns (uint256);
    function ready() external pure returns (bool);
}

contract Rewards {
    mapping(address => bool) public claimed;
    mapping(address => uint256) public points;

    function claim(address feed) public {
        require(!claimed[msg.sender]);
        uint256 q = PriceFeed(feed).quote(msg.sender); // want "reentrancy-no-eth"
        points[msg.sender] += q;
        claimed[msg.sender] = true;
    }

    modifier whenReady(address feed) {
        require(PriceFeed(feed).ready()); // want "reentrancy-no-eth"
        _;
    }

    modifier fresh() {
        require(points[msg.sender] == 0);
        _;
    }

    function bonus(address feed) public fresh whenReady(feed) {
        points[msg.sender] = 10;
    }
}
