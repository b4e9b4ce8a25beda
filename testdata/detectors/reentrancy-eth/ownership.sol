pragma solidity ^0.8.0;

// Checks of msg.sender that are not privilege: anyone can hold an
// unclaimed slot or own an order, so these stay reentrancy-eth.
contract Airdrop {
    mapping(address => bool) public claimed;

    receive() external payable {}

    function claim() external {
        require(!claimed[msg.sender], "claimed");
        (bool ok, ) = msg.sender.call{value: 0.1 ether}(""); // want "reentrancy-eth"
        require(ok);
        claimed[msg.sender] = true;
    }
}

contract Escrow {
    struct Order {
        address payable maker;
        uint256 amount;
    }
    mapping(uint256 => Order) public orders;
    uint256 public nextId;

    function open() external payable returns (uint256 id) {
        id = nextId++;
        orders[id] = Order(payable(msg.sender), msg.value);
    }

    function cancel(uint256 id) external {
        Order storage o = orders[id];
        require(msg.sender == o.maker, "not maker");
        (bool ok, ) = o.maker.call{value: o.amount}(""); // want "reentrancy-eth"
        require(ok);
        o.amount = 0;
    }
}
