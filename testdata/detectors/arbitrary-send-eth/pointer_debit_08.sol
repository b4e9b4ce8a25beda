pragma solidity ^0.8.0;

// Withdrawing one's own deposit to an address of one's choosing, written
// through a storage pointer (ERC-4337's StakeManager.withdrawTo): the
// caller is paid out of their own entry. A pointer to an entry the caller
// names is someone else's money.
contract Deposits {
    struct Info {
        uint112 deposit;
        uint112 stake;
    }

    mapping(address => Info) public deposits;

    function withdrawTo(address payable to, uint256 amount) external {
        Info storage info = deposits[msg.sender];
        require(amount <= info.deposit, "too much");
        info.deposit = uint112(info.deposit - amount);
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }

    function withdrawFrom(address from, address payable to, uint256 amount) external {
        Info storage info = deposits[from];
        require(amount <= info.deposit, "too much");
        info.deposit = uint112(info.deposit - amount);
        (bool ok, ) = to.call{value: amount}(""); // want "arbitrary-send-eth"
        require(ok);
    }

    receive() external payable {
        deposits[msg.sender].deposit += uint112(msg.value);
    }
}
