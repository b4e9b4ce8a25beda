pragma solidity ^0.8.0;

library Sig {
    function recover(bytes32 digest, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        return ecrecover(digest, v, r, s);
    }
}

// A digest over state that includes block-derived fields, checked against
// a signature: it authenticates a message, it draws no number.
contract Channel {
    struct State {
        address party;
        uint256 balance;
        uint256 expiry;
    }

    mapping(bytes32 => State) public states;

    function open(bytes32 id, address party) external payable {
        states[id] = State(party, msg.value, block.timestamp + 1 days);
    }

    function close(bytes32 id, uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encodePacked(id, amount, states[id].expiry));
        require(states[id].party == Sig.recover(digest, v, r, s));
        require(ecrecover(digest, v, r, s) != address(0));
        states[id].balance -= amount;
        payable(states[id].party).transfer(amount);
    }
}
