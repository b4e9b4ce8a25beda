pragma solidity ^0.8.0;

// The previous leader is paid back inside the call that replaces them:
// a leader that rejects ether makes every later call revert.
contract Auction {
    address payable public leader;
    uint256 public top;

    function bid() external payable {
        require(msg.value > top);
        if (leader != address(0)) {
            leader.transfer(top); // want "dos-failed-call"
        }
        leader = payable(msg.sender);
        top = msg.value;
    }
}

contract Throne {
    struct Ruler {
        address payable who;
        uint256 paid;
    }

    Ruler public king;

    function claim() external payable {
        require(msg.value > king.paid);
        (bool ok, ) = king.who.call{value: king.paid}(""); // want "dos-failed-call"
        require(ok);
        (bool again, ) = king.who.call{value: 1}(""); // want "dos-failed-call"
        if (!again) {
            revert("refund failed");
        }
        king = Ruler(payable(msg.sender), msg.value);
    }

    function abdicate(address payable heir) external payable {
        require(msg.value > king.paid);
        require(payable(king.who).send(king.paid)); // want "dos-failed-call"
        king.who = heir;
        king.paid = msg.value;
    }
}
