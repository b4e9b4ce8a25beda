pragma solidity ^0.8.0;

// Each record pays its own recorded funds to its own recorded party: the
// caller picking the key only picks which record settles.
contract Escrows {
    struct Deal {
        address payable payee;
        uint256 amount;
        uint256 unlock;
    }

    mapping(bytes32 => Deal) public deals;

    function open(bytes32 id) external payable {
        require(deals[id].payee == address(0));
        deals[id] = Deal(payable(msg.sender), msg.value, block.timestamp + 1 days);
    }

    function settle(bytes32 id) external {
        Deal storage d = deals[id];
        require(block.timestamp > d.unlock);
        uint256 amount = d.amount;
        d.amount = 0;
        d.payee.transfer(amount);
    }

    function settleDirect(bytes32 id) external {
        require(block.timestamp > deals[id].unlock);
        uint256 amount = deals[id].amount;
        deals[id].amount = 0;
        deals[id].payee.transfer(amount);
    }
}
