pragma solidity ^0.4.24;

// SmartBugs-style lotteries and thrones that pay with an unchecked send:
// a struct-held recipient, a compensation to the previous monarch, a
// payout in a settlement loop, and a send in the middle of a condition.
contract KingOfTheEtherThrone {
    struct Monarch {
        address etherAddress;
        string name;
        uint claimPrice;
    }

    Monarch public currentMonarch;
    address wizardAddress;
    uint constant startingClaimPrice = 100 finney;
    uint currentClaimPrice = startingClaimPrice;

    function claimThrone(string name) public payable {
        uint valuePaid = msg.value;
        if (valuePaid < currentClaimPrice) {
            msg.sender.transfer(valuePaid);
            return;
        }
        uint wizardCommission = (valuePaid * 1) / 100;
        uint compensation = valuePaid - wizardCommission;
        if (currentMonarch.etherAddress != wizardAddress) {
            currentMonarch.etherAddress.send(compensation); // want "unchecked-send"
        }
        currentMonarch = Monarch(msg.sender, name, valuePaid);
    }
}

contract EtherpotLotto {
    struct Round {
        address[] buyers;
        uint pot;
        bool claimed;
    }

    mapping(uint => Round) rounds;

    function cash(uint roundIndex, address winner, uint subpot) public {
        Round storage r = rounds[roundIndex];
        require(!r.claimed);
        r.claimed = true;
        winner.send(subpot); // want "unchecked-send"
    }

    function refundAll(uint roundIndex) public {
        Round storage r = rounds[roundIndex];
        uint each = r.pot / r.buyers.length;
        for (uint i = 0; i < r.buyers.length; i++) {
            r.buyers[i].send(each); // want "unchecked-send"
        }
    }

    function payIfOpen(uint roundIndex, address to) public {
        Round storage r = rounds[roundIndex];
        if (!r.claimed && r.pot > 0) to.send(r.pot); // want "unchecked-send"
    }
}

// Safe look-alikes: the send decides whether the state moves on.
contract CheckedThrone {
    address public monarch;
    uint public price = 1 ether;
    uint public owed;

    function claim() public payable {
        require(msg.value >= price);
        if (!monarch.send(msg.value)) {
            owed += msg.value;
        }
        monarch = msg.sender;
    }

    function settle(address[] payees, uint each) public {
        for (uint i = 0; i < payees.length; i++) {
            require(payees[i].send(each));
        }
    }
}
