pragma solidity ^0.8.0;

// The amount comes from one record and the payee from another the caller
// picks: that is not the record paying itself.
contract Escrows {
    struct Deal {
        address payable payee;
        uint256 amount;
    }

    mapping(bytes32 => Deal) public deals;

    function open(bytes32 id, address payable payee) external payable {
        deals[id] = Deal(payee, msg.value);
    }

    function settle(bytes32 from, bytes32 to) external {
        uint256 amount = deals[from].amount;
        deals[from].amount = 0;
        deals[to].payee.transfer(amount); // want "arbitrary-send-eth"
    }
}
