pragma solidity ^0.4.24;

import "./lib/SafeMath.sol";

// A bank with the classic reentrancy: it pays before it updates.
contract Bank {
    using SafeMath for uint256;

    mapping(address => uint256) public balances;
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function deposit() public payable {
        balances[msg.sender] = balances[msg.sender].add(msg.value);
    }

    function withdraw() public {
        uint256 amount = balances[msg.sender];
        require(msg.sender.call.value(amount)());
        balances[msg.sender] = 0;
    }

    function check(uint256 x) public pure returns (uint256) {
        assert(x != 42);
        return x;
    }

    function kill() public {
        selfdestruct(msg.sender);
    }
}
