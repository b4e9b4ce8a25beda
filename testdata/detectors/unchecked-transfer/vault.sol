pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

contract Vault {
    IERC20 public token;
    mapping(address => uint256) public deposits;

    constructor(IERC20 t) {
        token = t;
    }

    function deposit(uint256 amount) external {
        token.transferFrom(msg.sender, address(this), amount); // want "unchecked-transfer"
        deposits[msg.sender] += amount;
    }

    function withdraw(uint256 amount) external {
        deposits[msg.sender] -= amount;
        token.transfer(msg.sender, amount); // want "unchecked-transfer"
    }

    function rescue(address erc20, address to) external {
        IERC20(erc20).transfer(to, IERC20(erc20).balanceOf(address(this))); // want "unchecked-transfer"
    }

    function unused(uint256 amount) external {
        bool ok = token.transfer(msg.sender, amount); // want "unchecked-transfer"
    }
}

abstract contract Payer {
    function _pay(IERC20 t, address to, uint256 v) internal {
        t.transfer(to, v); // want "unchecked-transfer"
    }
}
