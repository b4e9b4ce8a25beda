pragma solidity ^0.4.24;

// Safe look-alikes: every send result is checked.
contract Checked {
    address owner;
    bool public last;

    function a(address to) public {
        if (!to.send(1)) throw;
    }

    function b(address to) public {
        require(to.send(1));
    }

    function c(address to) public returns (bool) {
        return to.send(1);
    }

    function d(address to) public {
        bool ok = to.send(1);
        if (!ok) {
            revert();
        }
    }

    function e(address to) public {
        last = to.send(1);
    }

    function f(address to) public {
        to.transfer(1);
    }
}
