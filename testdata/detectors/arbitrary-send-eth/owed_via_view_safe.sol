pragma solidity ^0.8.0;

// Pull payments anyone may trigger for an account: the ether goes only to
// that account, and the amount is computed (through internal views) from
// the entries keyed by that same account.
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

    struct Claim {
        address payable payee;
        uint256 amount;
    }
    mapping(bytes32 => Claim) public claims;

    constructor(address[] memory payees, uint256[] memory shares_) payable {
        for (uint256 i = 0; i < payees.length; i++) {
            shares[payees[i]] = shares_[i];
            totalShares += shares_[i];
        }
    }

    function releasedOf(address account) public view returns (uint256) {
        return released[account];
    }

    function releasable(address account) public view returns (uint256) {
        uint256 totalReceived = address(this).balance + totalReleased;
        return _pending(account, totalReceived, releasedOf(account));
    }

    function _pending(address account, uint256 totalReceived, uint256 already) private view returns (uint256) {
        return (totalReceived * shares[account]) / totalShares - already;
    }

    function release(address payable account) external {
        require(shares[account] > 0, "no shares");
        uint256 payment = releasable(account);
        require(payment != 0, "nothing due");
        totalReleased += payment;
        released[account] += payment;
        Addr.sendValue(account, payment);
    }

    function releaseInline(address payable account) external {
        uint256 payment = releasable(account);
        released[account] += payment;
        totalReleased += payment;
        account.transfer(payment);
    }

    function releaseThroughHelper(address payable account) external {
        _payOut(account, releasable(account));
    }

    function _payOut(address payable to, uint256 payment) private {
        released[to] += payment;
        totalReleased += payment;
        Addr.sendValue(to, payment);
    }

    function open(bytes32 id) external payable {
        require(claims[id].payee == address(0));
        claims[id] = Claim(payable(msg.sender), msg.value);
    }

    // The same record pays its own party, through the sending helper.
    function settle(bytes32 id) external {
        Claim storage cl = claims[id];
        uint256 amount = cl.amount;
        cl.amount = 0;
        Addr.sendValue(cl.payee, amount);
    }
}
