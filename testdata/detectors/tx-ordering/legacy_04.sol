pragma solidity ^0.4.16;

// SmartBugs' eth_tx_order_dependence_minimal.
contract EthTxOrderDependenceMinimal {
    address public owner;
    bool public claimed;
    uint public reward;

    function EthTxOrderDependenceMinimal() public {
        owner = msg.sender;
    }

    function setReward() public payable {
        require (!claimed);
        require(msg.sender == owner);
        owner.transfer(reward); // want "tx-ordering"
        reward = msg.value;
    }

    function claimReward(uint256 submission) {
        require (!claimed);
        require(submission < 10);
        msg.sender.transfer(reward); // want "tx-ordering"
        claimed = true;
    }
}

// SmartBugs' FindThisHash: the answer is public in the mempool.
contract FindThisHash {
    bytes32 constant public hash = 0xb5b5b97fafd9855eec9b41f74dfb6c38f5951141f9a3ecd7f44d5479b630ee0a;

    constructor() public payable {}

    function solve(string solution) public {
        require(hash == sha3(solution));
        msg.sender.transfer(1000 ether); // want "tx-ordering"
    }
}
