pragma solidity ^0.4.24;

// The BNB/USDT bug: transfer returns nothing.
contract BadToken {
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    function transfer(address to, uint256 value) public { // want "erc20-interface"
        require(balanceOf[msg.sender] >= value);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
    }

    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(allowance[from][msg.sender] >= value);
        allowance[from][msg.sender] -= value;
        balanceOf[from] -= value;
        balanceOf[to] += value;
        return true;
    }

    // Wrong return type.
    function approve(address spender, uint256 value) public returns (uint256) { // want "erc20-interface"
        allowance[msg.sender][spender] = value;
        return value;
    }
}
