// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Pulling something from the caller, or unwrapping, does not excuse sending
// ether that is not its proceeds: the whole balance or a stored balance
// after a token pull, an amount the caller picks, a "payment" in a token
// the caller picks or to an account the caller picks, and an unwrapped
// amount overwritten or mixed with the balance before it is sent.
interface IERC20 {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

interface IWETH {
    function withdraw(uint256) external;
}

contract Shop {
    IERC20 public immutable token;
    IWETH public immutable weth;
    mapping(address => uint256) public deposits;

    constructor(IERC20 _token, IWETH _weth) {
        token = _token;
        weth = _weth;
    }

    receive() external payable {
        deposits[msg.sender] += msg.value;
    }

    function tinyPullDrain(address payable to) external {
        token.transferFrom(msg.sender, address(this), 1);
        to.transfer(address(this).balance); // want "arbitrary-send-eth"
    }

    function pullThenBalanceShare(uint256 amount, address payable to) external {
        token.transferFrom(msg.sender, address(this), amount);
        to.transfer(amount + address(this).balance / 2); // want "arbitrary-send-eth"
    }

    function pullThenStored(uint256 amount, address victim, address payable to) external {
        token.transferFrom(msg.sender, address(this), amount);
        uint256 owed = deposits[victim] + amount;
        to.transfer(owed); // want "arbitrary-send-eth"
    }

    function pullThenParam(uint256 amount, uint256 value, address payable to) external {
        token.transferFrom(msg.sender, address(this), amount);
        to.transfer(value); // want "arbitrary-send-eth"
    }

    function pullFakeToken(IERC20 anyToken, uint256 amount, address payable to) external {
        anyToken.transferFrom(msg.sender, address(this), amount);
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function pullToOwnAccount(uint256 amount, address other, address payable to) external {
        token.transferFrom(msg.sender, other, amount);
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function pullToSelf(uint256 amount, address payable to) external {
        token.transferFrom(msg.sender, msg.sender, amount);
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function pullFromOther(address from, uint256 amount, address payable to) external {
        token.transferFrom(from, address(this), amount);
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function unwrapOtherElement(uint256[] memory amounts, address payable to) external {
        weth.withdraw(amounts[0]);
        to.transfer(amounts[1]); // want "arbitrary-send-eth"
    }

    function unwrapOverwritten(uint256[] memory amounts, address payable to) external {
        weth.withdraw(amounts[0]);
        amounts[0] = address(this).balance;
        to.transfer(amounts[0]); // want "arbitrary-send-eth"
    }

    function unwrapReassigned(uint256 amount, address payable to) external {
        weth.withdraw(amount);
        amount = address(this).balance;
        to.transfer(amount); // want "arbitrary-send-eth"
    }

    function unwrapPlusBalance(uint256 amount, address payable to) external {
        weth.withdraw(amount);
        to.transfer(amount + address(this).balance); // want "arbitrary-send-eth"
    }
}
