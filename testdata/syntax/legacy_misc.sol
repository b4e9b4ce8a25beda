// More pre-0.5 syntax: modifiers without parentheses, unary +, length--,
// function-typed state variables, chained .gas().value(), bare assembly
// instructions and stack assignments, the evmasm dialect.
pragma solidity ^0.4.24;
import "./x.sol";
contract Token {
    mapping (address => uint) balances;
    uint constant x = 1 szabo;
    uint y = 2 finney + 3 years + 1 weeks + now;
    event E(uint);
    function Token() public { owner = msg.sender; }
    function() external payable { E(1); }
    function f() constant returns (uint, bool) {
        var a = 1; var (b, c) = (2, true);
        var (, d) = (1, 2);
        bytes32 h = sha3(a, b);
        h = keccak256(a);
        msg.sender.call.value(1)();
        msg.sender.call.gas(10).value(1)(bytes4(0x12345678));
        address(this).callcode("x");
        if (a == 0) throw;
        suicide(msg.sender);
        selfdestruct(msg.sender);
        assembly { let x := 0 x := add(x, 1) jump(tag) tag: =: x mload dup1 0x20 }
        assembly "evmasm" { pop(0) }
        uint[] memory arr = new uint[](3);
        uint[3] memory fixedArr = [uint(1), 2, 3];
        return (a + b, c);
    }
    function g(uint a) public pure returns (uint) { return +a; }
    modifier m { _; }
    modifier m2() { _; }
    function h() m m2 {}
    struct S { uint a; mapping(uint => uint) m; }
    enum En { A, B }
    function i() { S storage s; En e = En.A; delete e; }
    function j() returns (bytes memory) { return msg.data; }
    function k() { uint emit2 = 1; byte b = 0x01; }
    function l() { uint[] storage x; x.length--; x.push(1); }
    function () internal returns (uint) fp;
    function m3(function (uint) external returns (uint) cb) { cb.value(1)(2); }
    function n() { block.blockhash(1); msg.gas; tx.origin; }
}
library L { function f(uint self) internal returns (uint) { return self; } }
contract U { using L for uint; using L for *; }
interface I { function f() external; }
contract V is Token(), I { }
