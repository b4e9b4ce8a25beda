pragma solidity ^0.8.0;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

contract Vault {
    IERC20 public token;
    mapping(address => uint256) public shares;

    event Deposit(address indexed who, uint256 amount, uint256 shares);
    event Withdraw(address indexed who, uint256 amount);

    function deposit(uint256 amount) external {
        shares[msg.sender] += amount;
        token.transferFrom(msg.sender, address(this), amount); // want "reentrancy-events"
        emit Deposit(msg.sender, amount, shares[msg.sender]);
    }

    function _send(address to, uint256 amount) internal {
        require(token.transfer(to, amount)); // want "reentrancy-events"
    }

    function withdraw(uint256 amount) external {
        shares[msg.sender] -= amount;
        _send(msg.sender, amount);
        _log(msg.sender, amount);
    }

    function _log(address who, uint256 amount) internal {
        emit Withdraw(who, amount);
    }
}

contract Payer {
    event Paid(address to, uint256 amount);

    function pay(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}(""); // want "reentrancy-events"
        require(ok);
        emit Paid(to, msg.value);
    }
}
