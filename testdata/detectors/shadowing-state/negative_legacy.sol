pragma solidity ^0.4.24;

// A private base variable is invisible to the derived contract: its own
// variable of the same name is separate by design.
contract Counter {
    uint256 private count;

    function bump() public {
        count++;
    }
}

contract Tally is Counter {
    uint256 private count;
    uint256 public total;

    function add(uint256 v) public {
        uint256 total = v; // a local, not a state variable (shadowing-local's business)
        count += total;
    }
}
