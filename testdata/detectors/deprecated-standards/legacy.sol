pragma solidity ^0.4.24;

contract Legacy {
    address owner;
    uint256 public unlockAt;
    event Paid(address to, uint256 amount);

    function Legacy() public { // want "deprecated-standards"
        owner = msg.sender;
        unlockAt = now + 1 years; // want "deprecated-standards" "deprecated-standards"
    }

    function hash(bytes data) public constant returns (bytes32) { // want "deprecated-standards"
        return sha3(data); // want "deprecated-standards"
    }

    function seed() public view returns (bytes32) {
        return block.blockhash(block.number - 1); // want "deprecated-standards"
    }

    // block.difficulty was the real thing before the Merge (and 0.8.18).
    function entropy() public view returns (uint256) {
        return block.difficulty;
    }

    function remaining() public view returns (uint256) {
        return msg.gas; // want "deprecated-standards"
    }

    function pay(address to, uint256 amount) public {
        if (msg.sender != owner) throw; // want "deprecated-standards"
        var sent = to.call.value(amount)(); // want "deprecated-standards" "deprecated-standards"
        require(sent);
        Paid(to, amount); // want "deprecated-standards"
    }

    function lib(address target) public {
        require(target.callcode(bytes4(0x12345678))); // want "deprecated-standards"
    }

    function kill() public {
        require(msg.sender == owner);
        suicide(owner); // want "deprecated-standards"
    }
}
