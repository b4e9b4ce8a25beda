pragma solidity ^0.8.0;

// The vulnerable send is in an override: only the derived contract's
// dispatch of _payout() reaches it.
abstract contract Vault {
    mapping(address => uint256) internal owed;

    function deposit() external payable {
        owed[msg.sender] += msg.value;
    }

    function _payout(address to, uint256 amount) internal virtual;

    function redeem() external {
        uint256 amount = owed[msg.sender];
        _payout(msg.sender, amount);
        owed[msg.sender] = 0;
    }
}

contract EthVault is Vault {
    function _payout(address to, uint256 amount) internal override {
        (bool ok, ) = payable(to).call{value: amount}(""); // want "reentrancy-eth"
        require(ok);
    }
}

// A modifier reads the balance; the body sends and updates.
contract ModifierCheck {
    mapping(address => uint256) public stake;

    modifier hasStake(uint256 amount) {
        require(stake[msg.sender] >= amount);
        _;
    }

    function stakeEth() external payable {
        stake[msg.sender] += msg.value;
    }

    function unstake(uint256 amount) external hasStake(amount) {
        (bool ok, ) = msg.sender.call{value: amount}(""); // want "reentrancy-eth"
        require(ok);
        stake[msg.sender] -= amount;
    }
}
