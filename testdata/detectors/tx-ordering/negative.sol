pragma solidity ^0.8.0;

// Commit-reveal binds the answer to the submitter.
contract CommitReveal {
    bytes32 public answerHash;
    mapping(address => bytes32) public commits;

    constructor(bytes32 h) payable {
        answerHash = h;
    }

    function commit(bytes32 c) external {
        commits[msg.sender] = c;
    }

    function reveal(string calldata answer) external {
        require(keccak256(abi.encodePacked(msg.sender, answer)) == commits[msg.sender], "commit");
        require(keccak256(abi.encodePacked(answer)) == answerHash, "wrong");
        payable(msg.sender).transfer(1 ether);
    }
}

// Amounts from the caller's own balance, or accumulated fees.
contract Bank {
    address public owner;
    uint256 public fees;
    mapping(address => uint256) public balances;

    constructor() {
        owner = msg.sender;
    }

    function deposit() external payable {
        balances[msg.sender] = balances[msg.sender] + msg.value;
        fees += msg.value / 100;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        payable(msg.sender).transfer(amount);
    }

    function collect() external {
        require(msg.sender == owner);
        uint256 f = fees;
        fees = 0;
        payable(owner).transfer(f);
    }

    function refund(uint256 amount) external {
        require(amount <= balances[msg.sender]);
        balances[msg.sender] -= amount;
        payable(msg.sender).transfer(amount);
    }
}
