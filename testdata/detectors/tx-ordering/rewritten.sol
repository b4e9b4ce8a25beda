pragma solidity ^0.8.0;

// Written only on one branch, or after the payment: the amount can still
// be the one an earlier transaction stored.
contract Splitter {
    address payable public a;
    uint256 public share;

    constructor(address payable x) {
        a = x;
    }

    function split(bool fresh) external payable {
        if (fresh) {
            share = msg.value;
        }
        a.transfer(share); // want "tx-ordering"
    }

    function payThenSet() external payable {
        a.transfer(share); // want "tx-ordering"
        share = msg.value;
    }
}
