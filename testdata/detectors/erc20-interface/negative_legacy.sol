pragma solidity ^0.4.24;

// Before `interface` was common, interfaces were contracts without code;
// this one describes USDT on purpose, to call it without decoding a bool.
contract USDTLike {
    function totalSupply() public view returns (uint256);
    function balanceOf(address who) public view returns (uint256);
    function transfer(address to, uint256 value) public;
    function transferFrom(address from, address to, uint256 value) public;
    function approve(address spender, uint256 value) public;
}

contract Payer {
    function pay(USDTLike token, address to, uint256 amount) public {
        token.transfer(to, amount);
    }
}
