pragma solidity ^0.4.24;

contract Lotto {
    address public winner;
    uint256 public prize;
    bool public payedOut;

    event Sent(address to, bool ok);

    function sendToWinner() public {
        require(!payedOut);
        winner.send(prize); // want "unchecked-send"
        payedOut = true;
    }

    function refund(address[] players, uint256 each) public {
        for (uint256 i = 0; i < players.length; i++) {
            players[i].send(each); // want "unchecked-send"
        }
    }

    function logged(address to) public {
        bool ok = to.send(1 ether); // want "unchecked-send"
        emit Sent(to, ok);
    }
}

contract Split is Lotto {
    function split(address a, address b) public {
        a.send(prize / 2); // want "unchecked-send"
        b.send(prize / 2); // want "unchecked-send"
    }
}
