pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
}

// The owner can change the price while a sale is pending.
contract TokenSale {
    address public owner;
    uint256 public sellPrice;
    mapping(address => uint256) public balanceOf;

    constructor() {
        owner = msg.sender;
    }

    function setPrices(uint256 newSellPrice) external {
        require(msg.sender == owner);
        sellPrice = newSellPrice;
    }

    function sell(uint256 amount) external {
        require(balanceOf[msg.sender] >= amount);
        balanceOf[msg.sender] -= amount;
        uint256 revenue = amount * sellPrice;
        payable(msg.sender).transfer(revenue); // want "tx-ordering"
    }
}

// A bounty paid in tokens to whoever submits the preimage.
contract Bounty {
    IERC20 public token;
    bytes32 public answerHash;

    constructor(IERC20 t, bytes32 h) {
        token = t;
        answerHash = h;
    }

    function claim(string calldata answer) external {
        require(keccak256(abi.encodePacked(answer)) == answerHash, "wrong");
        token.transfer(msg.sender, 100 ether); // want "tx-ordering"
    }
}
