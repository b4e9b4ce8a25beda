pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

abstract contract ReentrancyGuard {
    uint256 private _status = 1;

    modifier nonReentrant() {
        require(_status == 1);
        _status = 2;
        _;
        _status = 1;
    }
}

// Events before the interaction, after non-reentrant transfers, after
// views, or under a lock.
contract Quiet is ReentrancyGuard {
    IERC20 public token;
    event Sent(address to, uint256 amount);
    event Seen(uint256 balance);

    function send(address to, uint256 amount) external {
        emit Sent(to, amount);
        token.transfer(to, amount);
    }

    function sendEth(address payable to) external payable {
        to.transfer(msg.value);
        emit Sent(to, msg.value);
    }

    function look() external {
        uint256 b = token.balanceOf(address(this));
        emit Seen(b);
    }

    function guarded(address to, uint256 amount) external nonReentrant {
        token.transfer(to, amount);
        emit Sent(to, amount);
    }

    function failed(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}("");
        if (!ok) {
            revert("failed");
        }
    }
}
