pragma solidity ^0.8.0;

interface IERC20 {
    function balanceOf(address who) external view returns (uint256);
}

// Safe look-alikes: inequalities on balances, holders checks, same-block
// guards and balances the contract tracks itself.
contract Safe {
    uint256 public goal = 100 ether;
    uint256 public deposited;
    IERC20 public token;
    mapping(address => uint256) public lastBlock;
    struct Account {
        uint256 balance;
    }
    mapping(address => Account) accounts;

    function reached() external view returns (bool) {
        return address(this).balance >= goal;
    }

    function tracked() external view returns (bool) {
        return deposited == goal;
    }

    function holder(address a) external view returns (bool) {
        return token.balanceOf(a) == 0;
    }

    function oncePerBlock() external {
        require(lastBlock[msg.sender] != block.number, "same block");
        require(lastBlock[msg.sender] < block.number);
        lastBlock[msg.sender] = block.number;
    }

    function empty(address a) external view returns (bool) {
        return accounts[a].balance == 0;
    }

    function sameBlock() external view returns (bool) {
        return lastBlock[msg.sender] == block.number;
    }
}
