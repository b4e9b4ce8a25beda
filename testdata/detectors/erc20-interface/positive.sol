pragma solidity ^0.8.0;

// The incorrect function is inherited: reported once, where it is written.
contract Transferable {
    mapping(address => uint256) internal balances;

    function transfer(address to, uint256 amount) public virtual { // want "erc20-interface"
        balances[msg.sender] -= amount;
        balances[to] += amount;
    }
}

contract Token is Transferable {
    mapping(address => mapping(address => uint256)) internal allowances;
    uint256 internal supply;

    function totalSupply() external view returns (uint256) {
        return supply;
    }

    function balanceOf(address who) external view returns (uint256) {
        return balances[who];
    }

    // A parameter of the wrong type: a different selector than ERC20's.
    function approve(address spender, uint128 amount) external returns (bool) { // want "erc20-interface"
        allowances[msg.sender][spender] = amount;
        return true;
    }

    function allowance(address owner, address spender) external view returns (uint8) { // want "erc20-interface"
        return uint8(allowances[owner][spender]);
    }
}
