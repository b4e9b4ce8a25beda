// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Unwrapping a token first does not excuse sending ether that was not
// unwrapped: the whole balance, or a second payment through the same helper.
interface IWETH {
    function withdraw(uint256) external;
}

library Pay {
    function eth(address to, uint256 value) internal {
        (bool ok, ) = to.call{value: value}("");
        require(ok);
    }
}

contract Unwrapper {
    IWETH public weth;
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function unwrapAll(uint256 amount, address payable to) external {
        weth.withdraw(amount);
        to.transfer(address(this).balance); // want "arbitrary-send-eth"
    }

    function unwrapAndTip(uint256 amount, address to, address tipTo, uint256 tip) external {
        weth.withdraw(amount);
        Pay.eth(to, amount);
        Pay.eth(tipTo, tip); // want "arbitrary-send-eth"
    }
}
