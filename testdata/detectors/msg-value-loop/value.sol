pragma solidity ^0.8.0;

contract BatchDeposit {
    mapping(address => uint256) public balances;
    address public owner = msg.sender;
    uint256 public price = 0.1 ether;
    mapping(uint256 => address) public ownerOf;

    function batchDeposit(address[] calldata to) external payable {
        for (uint256 i = 0; i < to.length; i++) {
            balances[to[i]] += msg.value; // want "msg-value-loop"
        }
    }

    function _credit(address who) internal {
        balances[who] += msg.value;
    }

    // Reached through an internal call in the loop.
    function creditAll(address[] calldata to) external payable {
        uint256 i = 0;
        while (i < to.length) {
            _credit(to[i]); // want "msg-value-loop"
            i++;
        }
    }

    // A per-item price checked against the whole payment.
    function buyMany(uint256[] calldata ids) external payable {
        for (uint256 i = 0; i < ids.length; i++) {
            require(msg.value >= price, "price"); // want "msg-value-loop"
            ownerOf[ids[i]] = msg.sender;
        }
    }

    // Owner-only: still wrong, reported with medium severity.
    function airdrop(address payable[] calldata to) external payable {
        require(msg.sender == owner);
        for (uint256 i = 0; i < to.length; i++) {
            to[i].transfer(msg.value); // want "msg-value-loop"
        }
    }

    // The loop is in an internal helper of the payable entry point.
    function depositFor(address[] calldata to) external payable {
        _loop(to);
    }

    function _loop(address[] calldata to) internal {
        for (uint256 i = 0; i < to.length; i++) {
            balances[to[i]] = balances[to[i]] + msg.value; // want "msg-value-loop"
        }
    }
}
