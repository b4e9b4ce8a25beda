pragma solidity ^0.8.0;

// The amount is a state variable, but this transaction sets it itself
// before paying: what an earlier transaction stored there is gone.
contract Splitter {
    address payable public a;
    address payable public b;
    uint256 public share;

    constructor(address payable x, address payable y) {
        a = x;
        b = y;
    }

    function split() external payable {
        share = msg.value / 2;
        a.transfer(share);
        b.transfer(share);
    }
}
