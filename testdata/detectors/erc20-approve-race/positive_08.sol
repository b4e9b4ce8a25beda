pragma solidity ^0.8.0;

abstract contract BaseToken {
    mapping(address => mapping(address => uint256)) private _allowances;

    event Approval(address indexed owner, address indexed spender, uint256 value);

    function approve(address spender, uint256 value) public virtual returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    function _approve(address owner, address spender, uint256 value) internal {
        require(spender != address(0), "zero spender");
        _allowances[owner][spender] = value; // want "erc20-approve-race"
        emit Approval(owner, spender, value);
    }
}

contract MyToken is BaseToken {}
