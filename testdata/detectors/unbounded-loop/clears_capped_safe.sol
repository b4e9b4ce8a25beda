pragma solidity ^0.8.0;

// The functions that lengthen the arrays also bound them by a constant:
// clearing costs a fixed amount.
contract Rounds {
    uint256 public constant SEATS = 10;
    address[] public seated;
    address[] public waiting;

    function sit() external {
        seated.push(msg.sender);
        if (seated.length == SEATS) {
            delete seated;
        }
    }

    function wait() external {
        require(waiting.length < 50);
        waiting.push(msg.sender);
    }

    function flush() external {
        delete waiting;
    }
}
