pragma solidity ^0.8.0;

// Safe look-alikes: checked results, SafeERC20, ether transfers, tokens
// whose transfer reverts instead of returning false, and interfaces that
// return nothing.
interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface IUSDT {
    function transfer(address to, uint256 amount) external;
}

library SafeERC20 {
    function safeTransfer(IERC20 token, address to, uint256 value) internal {
        (bool ok, bytes memory data) = address(token).call(abi.encodeCall(IERC20.transfer, (to, value)));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "transfer failed");
    }
}

contract StrictToken {
    mapping(address => uint256) public balanceOf;

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        return true;
    }
}

contract Safe {
    using SafeERC20 for IERC20;
    IERC20 public token;
    IUSDT public usdt;
    StrictToken public strict;

    function a(uint256 v) external {
        require(token.transfer(msg.sender, v), "failed");
    }

    function b(uint256 v) external {
        bool ok = token.transferFrom(msg.sender, address(this), v);
        if (!ok) revert();
    }

    function c(uint256 v) external {
        token.safeTransfer(msg.sender, v);
    }

    function d(uint256 v) external {
        payable(msg.sender).transfer(v);
    }

    function e(uint256 v) external {
        usdt.transfer(msg.sender, v);
    }

    function f(uint256 v) external {
        strict.transfer(msg.sender, v);
    }

    function g(uint256 v) external returns (bool) {
        return token.transfer(msg.sender, v);
    }
}
