pragma solidity ^0.5.0;

// Safe look-alikes of the injected patterns: the state is settled before
// the call (checks-effects-interactions), the flag is set before paying,
// the payment goes through send/transfer (2300 gas cannot re-enter), or a
// lock held across the call.
contract InjectedFixed {
    mapping(address => uint) balances_re_ent8;
    mapping(address => uint) balances_re_ent1;
    mapping(address => uint) redeemableEther_re_ent4;
    bool not_called_re_ent6 = true;
    address payable lastPlayer_re_ent2;
    uint jackpot_re_ent2;
    bool private locked;

    modifier noReentrancy() {
        require(!locked);
        locked = true;
        _;
        locked = false;
    }

    function withdraw_balances_re_ent8() public {
        uint amount = balances_re_ent8[msg.sender];
        balances_re_ent8[msg.sender] = 0;
        (bool success, ) = msg.sender.call.value(amount)("");
        require(success);
    }

    function bug_re_ent6() public {
        require(not_called_re_ent6);
        not_called_re_ent6 = false;
        (bool success, ) = msg.sender.call.value(1 ether)("");
        require(success);
    }

    function withdrawFunds_re_ent1(uint256 _weiToWithdraw) public {
        require(balances_re_ent1[msg.sender] >= _weiToWithdraw);
        require(msg.sender.send(_weiToWithdraw));
        balances_re_ent1[msg.sender] -= _weiToWithdraw;
    }

    function claimReward_re_ent4() public {
        require(redeemableEther_re_ent4[msg.sender] > 0);
        uint transferValue_re_ent4 = redeemableEther_re_ent4[msg.sender];
        msg.sender.transfer(transferValue_re_ent4);
        redeemableEther_re_ent4[msg.sender] = 0;
    }

    function buyTicket_re_ent2() public noReentrancy {
        (bool success, ) = lastPlayer_re_ent2.call.value(jackpot_re_ent2)("");
        if (!success)
            revert();
        lastPlayer_re_ent2 = msg.sender;
        jackpot_re_ent2 = address(this).balance;
    }
}
