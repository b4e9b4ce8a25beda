// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Safe look-alikes: a router that holds no ether between transactions
// unwraps its WETH balance and forwards it to the recipient the caller
// names (Uniswap's PeripheryPayments), with and without a fee split, and
// through a helper library. The ether sent is the token balance unwrapped
// in the same call: a token sweep, not the contract's ether at rest.
interface IWETH9 {
    function balanceOf(address) external view returns (uint256);
    function withdraw(uint256) external;
}

library TransferHelper {
    function safeTransferETH(address to, uint256 value) internal {
        (bool success, ) = to.call{value: value}(new bytes(0));
        require(success, "STE");
    }
}

abstract contract PeripheryPayments {
    address public immutable WETH9;

    constructor(address weth) {
        WETH9 = weth;
    }

    receive() external payable {
        require(msg.sender == WETH9, "Not WETH9");
    }

    function unwrapWETH9(uint256 amountMinimum, address recipient) public payable {
        uint256 balanceWETH9 = IWETH9(WETH9).balanceOf(address(this));
        require(balanceWETH9 >= amountMinimum, "Insufficient WETH9");
        if (balanceWETH9 > 0) {
            IWETH9(WETH9).withdraw(balanceWETH9);
            TransferHelper.safeTransferETH(recipient, balanceWETH9);
        }
    }

    function unwrapWETH9WithFee(uint256 amountMinimum, address recipient, uint256 feeBips, address feeRecipient) public payable {
        require(feeBips > 0 && feeBips <= 100);
        uint256 balanceWETH9 = IWETH9(WETH9).balanceOf(address(this));
        require(balanceWETH9 >= amountMinimum, "Insufficient WETH9");
        if (balanceWETH9 > 0) {
            IWETH9(WETH9).withdraw(balanceWETH9);
            uint256 feeAmount = (balanceWETH9 * feeBips) / 10_000;
            if (feeAmount > 0) TransferHelper.safeTransferETH(feeRecipient, feeAmount);
            TransferHelper.safeTransferETH(recipient, balanceWETH9 - feeAmount);
        }
    }

    function unwrapTo(uint256 amount, address payable to) external {
        IWETH9(WETH9).withdraw(amount);
        to.transfer(amount);
    }
}

contract Router is PeripheryPayments {
    constructor(address weth) PeripheryPayments(weth) {}
}
