pragma solidity ^0.8.0;

interface IRouter {
    function call(uint256 x) external returns (uint256);
}

// Typed calls, transfer and send, and a function named call are not low-level calls.
contract Typed {
    struct Hook {
        address call;
    }

    Hook internal hook;

    function run(IRouter r, address payable to) external payable returns (uint256) {
        to.transfer(msg.value / 2);
        bool sent = to.send(msg.value / 2);
        require(sent, "send");
        return r.call(1) + uint160(hook.call);
    }
}
