pragma solidity ^0.4.24;

contract CheckedOld {
    function a(address to) public {
        if (!to.call.value(1)()) throw;
    }

    function b(address to) public {
        require(to.call.value(1)());
    }

    function c(address to) public {
        bool ok = to.delegatecall(msg.data);
        assert(ok);
    }

    function d(address to) public {
        to.transfer(1);
    }
}
