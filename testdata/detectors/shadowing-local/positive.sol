pragma solidity ^0.8.0;

contract Ownable {
    address internal owner;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function currentOwner() public view returns (address) {
        return owner;
    }
}

contract Vault is Ownable {
    uint256 public fee;
    event Deposited(address from, uint256 amount);

    // Constructor parameters named like state variables are still shadowing.
    constructor(uint256 fee) { // want "shadowing-local"
        owner = msg.sender;
    }

    // The classic: the parameter is assigned to itself, ownership never moves.
    function setOwner(address owner) external onlyOwner { // want "shadowing-local"
        owner = owner;
    }

    // A local named like an inherited function.
    function deposit() external payable {
        uint256 currentOwner = msg.value; // want "shadowing-local"
        emit Deposited(msg.sender, currentOwner);
    }

    // A named return value shadowing a state variable.
    function quote(uint256 amount) public pure returns (uint256 fee) { // want "shadowing-local"
        fee = amount / 100;
    }

    // Parameters of a modifier, shadowing a modifier and an event.
    modifier costs(uint256 onlyOwner, uint256 Deposited) { // want "shadowing-local" "shadowing-local"
        require(msg.value >= onlyOwner + Deposited, "price");
        _;
    }

    function buy() external payable costs(1, 2) {}

    // try/catch variables are locals too.
    function probe() external view returns (uint256) {
        try this.quote(100) returns (uint256 fee) { // want "shadowing-local"
            return fee;
        } catch {
            return 0;
        }
    }
}
