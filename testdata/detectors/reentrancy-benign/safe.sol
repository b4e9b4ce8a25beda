pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

// No write after any reentrant call.
contract Clean {
    IERC20 public token;
    uint256 public paid;
    bool private locked;
    address private current;

    function pay(address to, uint256 amount) external {
        paid += amount;
        token.transfer(to, amount);
    }

    function snapshot() external {
        paid = token.balanceOf(address(this));
    }

    function payTwice(address payable to) external {
        to.transfer(1);
        paid += 1;
    }

    // An in-body lock: neither the reset nor the writes under it are reported.
    function locked_pay(address to, uint256 amount) external {
        require(!locked);
        locked = true;
        token.transfer(to, amount);
        paid += amount;
        locked = false;
    }

    // A context variable restored after the call.
    function execute(address target, bytes calldata data) external {
        address previous = current;
        current = target;
        (bool ok, ) = target.call(data);
        require(ok);
        current = previous;
    }

    // Written only when the call failed.
    function tryPay(address to, uint256 amount) external {
        try IERC20(token).transfer(to, amount) returns (bool) {
        } catch {
        }
    }
}
