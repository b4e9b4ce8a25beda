pragma solidity ^0.5.0;

// SolidiFI-style injected reentrancy in 0.5 syntax: conditional writes
// after the call, a state-held recipient and jackpot, a bounded counter,
// and a cross-function bonus paid through an internal helper.
contract Injected {
    mapping(address => uint) balances_re_ent8;
    mapping(address => uint) balances_re_ent3;
    address payable lastPlayer_re_ent9;
    uint jackpot_re_ent9;
    uint256 counter_re_ent42 = 0;

    function withdraw_balances_re_ent8() public {
        (bool success, ) = msg.sender.call.value(balances_re_ent8[msg.sender])(""); // want "reentrancy-eth"
        if (success)
            balances_re_ent8[msg.sender] = 0;
    }

    function withdrawFunds_re_ent3(uint256 _weiToWithdraw) public {
        require(balances_re_ent3[msg.sender] >= _weiToWithdraw);
        (bool success, ) = msg.sender.call.value(_weiToWithdraw)(""); // want "reentrancy-eth"
        require(success);
        balances_re_ent3[msg.sender] -= _weiToWithdraw;
    }

    function buyTicket_re_ent9() public {
        (bool success, ) = lastPlayer_re_ent9.call.value(jackpot_re_ent9)(""); // want "reentrancy-eth"
        if (!success)
            revert();
        lastPlayer_re_ent9 = msg.sender;
        jackpot_re_ent9 = address(this).balance;
    }

    function callme_re_ent42() public {
        require(counter_re_ent42 <= 5);
        (bool success, ) = msg.sender.call.value(10 ether)(""); // want "reentrancy-eth"
        if (!success) {
            revert();
        }
        counter_re_ent42 += 1;
    }
}

contract Bonus {
    mapping(address => bool) private claimedBonus;
    mapping(address => uint) private rewardsForA;

    function withdrawReward(address payable recipient) public {
        uint amountToWithdraw = rewardsForA[recipient];
        rewardsForA[recipient] = 0;
        (bool success, ) = recipient.call.value(amountToWithdraw)(""); // want "reentrancy-eth"
        require(success);
    }

    function getFirstWithdrawalBonus(address payable recipient) public {
        require(!claimedBonus[recipient]);
        rewardsForA[recipient] += 100;
        withdrawReward(recipient);
        claimedBonus[recipient] = true;
    }
}
