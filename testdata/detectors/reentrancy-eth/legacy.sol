pragma solidity ^0.4.24;

contract SimpleDAO {
    mapping(address => uint) public credit;

    function donate(address to) public payable {
        credit[to] += msg.value;
    }

    function withdraw(uint amount) public {
        if (credit[msg.sender] >= amount) {
            bool res = msg.sender.call.value(amount)(); // want "reentrancy-eth"
            credit[msg.sender] -= amount;
        }
    }
}

contract Reentrance {
    mapping(address => uint) userBalance;

    function addToBalance() public payable {
        userBalance[msg.sender] += msg.value;
    }

    function withdrawBalance() public {
        // want "reentrancy-eth"
        if (!(msg.sender.call.value(userBalance[msg.sender])())) {
            throw;
        }
        userBalance[msg.sender] = 0;
    }
}

contract PersonalBank {
    mapping(address => uint256) public balances;
    uint public MinSum = 1 ether;

    function Deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function Collect(uint _am) public payable {
        if (balances[msg.sender] >= MinSum && balances[msg.sender] >= _am) {
            if (msg.sender.call.value(_am)()) { // want "reentrancy-eth"
                balances[msg.sender] -= _am;
            }
        }
    }

    function() public payable {
        Deposit();
    }
}

contract EtherStore {
    uint256 public withdrawalLimit = 1 ether;
    mapping(address => uint256) public lastWithdrawTime;
    mapping(address => uint256) public balances;

    function depositFunds() public payable {
        balances[msg.sender] += msg.value;
    }

    function withdrawFunds(uint256 _weiToWithdraw) public {
        require(balances[msg.sender] >= _weiToWithdraw);
        require(_weiToWithdraw <= withdrawalLimit);
        require(now >= lastWithdrawTime[msg.sender] + 1 weeks);
        require(msg.sender.call.value(_weiToWithdraw)()); // want "reentrancy-eth"
        balances[msg.sender] -= _weiToWithdraw;
        lastWithdrawTime[msg.sender] = now;
    }
}

// The bonus flag is checked first but set only after the payout, which
// happens in another function.
contract Reward {
    mapping(address => uint) private rewardsForA;
    mapping(address => bool) private claimedBonus;

    function withdrawReward(address recipient) public {
        uint amountToWithdraw = rewardsForA[recipient];
        rewardsForA[recipient] = 0;
        require(recipient.call.value(amountToWithdraw)()); // want "reentrancy-eth"
    }

    function getFirstWithdrawalBonus(address recipient) public {
        require(!claimedBonus[recipient]);
        rewardsForA[recipient] += 100;
        withdrawReward(recipient);
        claimedBonus[recipient] = true;
    }
}

// The account is reached through a storage pointer.
contract UBank {
    struct Holder {
        uint unlockTime;
        uint balance;
    }
    mapping(address => Holder) public Acc;
    uint public MinSum = 1 ether;

    function Put(uint _unlockTime) public payable {
        Holder storage acc = Acc[msg.sender];
        acc.balance += msg.value;
        acc.unlockTime = _unlockTime > now ? _unlockTime : now;
    }

    function Collect(uint _am) public payable {
        Holder storage acc = Acc[msg.sender];
        if (acc.balance >= MinSum && acc.balance >= _am && now > acc.unlockTime) {
            if (msg.sender.call.value(_am)()) { // want "reentrancy-eth"
                acc.balance -= _am;
            }
        }
    }
}
