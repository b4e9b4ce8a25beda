pragma solidity ^0.8.0;

interface IERC20 {
    function balanceOf(address who) external view returns (uint256);
}

contract Crowdsale {
    uint256 public goal = 100 ether;
    IERC20 public token;
    bool public closed;

    function fundReached() public view returns (bool) {
        return address(this).balance == goal; // want "incorrect-equality"
    }

    function close() external {
        require(address(this).balance != goal, "open"); // want "incorrect-equality"
        closed = true;
    }

    function allSold(uint256 supply) external view returns (bool) {
        uint256 left = token.balanceOf(address(this));
        return left == supply; // want "incorrect-equality"
    }

    function currentBalance() internal view returns (uint256) {
        return address(this).balance;
    }

    function drained() external view returns (bool) {
        return currentBalance() == 0; // want "incorrect-equality"
    }
}

contract Auction {
    uint256 public endBlock;
    uint256 public endTime;

    function settle() external {
        require(block.number == endBlock, "not the end block"); // want "incorrect-equality"
    }

    function settleAt() external {
        if (block.timestamp == endTime) { // want "incorrect-equality"
            endTime = 0;
        }
    }
}
