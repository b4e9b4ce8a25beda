pragma solidity >=0.5.0 <0.6.0;

import "./Ownable.sol";

// Pre-0.8 arithmetic: transfer underflows when amount > balance.
contract Token is Ownable {
    mapping(address => uint256) public balanceOf;

    constructor() public {
        balanceOf[msg.sender] = 1000;
    }

    function transfer(address to, uint256 amount) public {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
    }

    function destroy() public onlyOwner {
        selfdestruct(msg.sender);
    }
}
