pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
}

contract Config {
    address public owner;
    address public feeRecipient;
    uint256 public fee;
    uint256 public cap;
    bool public paused;

    function initialize(address admin, address treasury) external {
        owner = admin; // want "write-after-write"
        owner = treasury;
        fee = 30;
    }

    function configure(uint256 newFee, uint256 newCap) external {
        fee = newFee; // want "write-after-write"
        paused = false;
        fee = newCap;
    }

    function compute(uint256 a, uint256 b) external pure returns (uint256 r) {
        uint256 x;
        x = a * 2; // want "write-after-write"
        x = b * 3;
        r = x;
    }

    function pay(IERC20 token, address a, address b) external {
        bool ok;
        ok = token.transfer(a, 1); // want "write-after-write"
        ok = token.transfer(b, 1);
        require(ok);
    }

    modifier setsTwice() {
        cap = 1; // want "write-after-write"
        cap = 2;
        _;
    }

    function limited() external setsTwice {
        if (cap > 0) {
            paused = true; // want "write-after-write"
            paused = false;
        }
    }
}
