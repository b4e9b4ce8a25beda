pragma solidity ^0.8.0;

// The recipient is the caller's choice and the amount is not what that
// recipient is owed: another account's entitlement, the caller's own read
// without a debit, a parameter, or the whole balance.
library Addr {
    function sendValue(address payable recipient, uint256 amount) internal {
        (bool ok, ) = recipient.call{value: amount}("");
        require(ok, "send failed");
    }
}

contract Splitter {
    uint256 public totalShares;
    uint256 public totalReleased;
    mapping(address => uint256) public shares;
    mapping(address => uint256) public released;

    function releasable(address account) public view returns (uint256) {
        uint256 totalReceived = address(this).balance + totalReleased;
        return (totalReceived * shares[account]) / totalShares - released[account];
    }

    function releaseTo(address account, address payable to) external {
        uint256 payment = releasable(account);
        released[account] += payment;
        Addr.sendValue(to, payment); // want "arbitrary-send-eth"
    }

    function previewTo(address payable to) external {
        uint256 payment = releasable(msg.sender);
        Addr.sendValue(to, payment); // want "arbitrary-send-eth"
    }

    // The helper's parameter named like the owed account is still `to`.
    function releaseSwapped(address account, address payable to) external {
        _payOut(to, releasable(account));
    }

    function _payOut(address payable account, uint256 payment) private {
        Addr.sendValue(account, payment); // want "arbitrary-send-eth"
    }

    function pay(address payable to, uint256 amount) external {
        require(shares[to] > 0, "no shares");
        Addr.sendValue(to, amount); // want "arbitrary-send-eth"
    }

    function drain(address payable to) external {
        require(shares[to] > 0, "no shares");
        Addr.sendValue(to, address(this).balance); // want "arbitrary-send-eth"
    }
}
