pragma solidity ^0.4.11;

// Pre-0.5 syntax: var, throw, constant functions, the unnamed fallback,
// a constructor named after the contract, suicide, sha3, callcode, years,
// now, events without emit, .value()/.gas() call options.
contract Legacy {
    address owner;
    uint public deadline;
    byte flag;
    event Paid(address indexed who, uint amount);

    function Legacy() {
        owner = msg.sender;
        deadline = now + 1 years;
    }

    function () payable {
        Paid(msg.sender, msg.value);
    }

    function balanceOf(address who) constant returns (uint) {
        var b = who.balance;
        var (x, , z) = pair();
        return b + x + z;
    }

    function pair() internal returns (uint, uint, uint) {
        return (1, 2, 3);
    }

    function pay(address to) {
        if (msg.sender != owner) throw;
        to.call.value(1 ether).gas(2300)();
        to.callcode(bytes4(sha3("f()")));
        if (!to.send(1 finney)) throw;
    }

    function kill() {
        suicide(owner);
    }
}
