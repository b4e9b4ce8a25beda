// SPDX-License-Identifier: MIT
// Corners of 0.8 syntax: unary user-defined operators, free events and
// constants, call options on try and new, layout with inheritance, Yul
// verbatim, typed names, .offset/.length/.slot paths.
pragma solidity ^0.8.28;
pragma experimental ABIEncoderV2;
import {A as B, C} from "./a.sol";
import * as X from "./b.sol";
import "./c.sol" as Y;

type Fixed is int256;
type Addr is address payable;
using {add as +, sub as -, eq as ==, neg as -, lt as <} for Fixed global;
function add(Fixed a, Fixed b) pure returns (Fixed) { return Fixed.wrap(Fixed.unwrap(a) + Fixed.unwrap(b)); }
function sub(Fixed a, Fixed b) pure returns (Fixed) { return Fixed.wrap(Fixed.unwrap(a) - Fixed.unwrap(b)); }
function eq(Fixed a, Fixed b) pure returns (bool) { return Fixed.unwrap(a) == Fixed.unwrap(b); }
function lt(Fixed a, Fixed b) pure returns (bool) { return Fixed.unwrap(a) < Fixed.unwrap(b); }
function neg(Fixed a) pure returns (Fixed) { return Fixed.wrap(-Fixed.unwrap(a)); }
error Unauthorized(address caller, uint256 needed);
event Free(uint256 indexed a) anonymous;
uint256 constant TOP = 1e18;
struct P { uint a; }
enum Color { Red, Green }

/// @title T
/// @notice does things
/** @dev more */
contract T layout at 0x10 {
    uint256 transient lock;
    uint256 public immutable created = block.timestamp;
    mapping(address user => mapping(bytes32 key => uint256 value)) public m;
    function(uint) external view returns (uint) public cb;
    error E2();
    using SafeCast for uint256;

    constructor() payable {}
    receive() external payable {}
    fallback() external payable {}

    modifier only() virtual { _; }

    /// @param x the x
    function f(uint x) external only returns (uint r) {
        unchecked { r = x + 1; ++r; r--; }
        if (x == 0) revert Unauthorized(msg.sender, 1);
        if (x == 1) revert Unauthorized({caller: msg.sender, needed: 2});
        if (x == 2) revert();
        if (x == 3) revert("msg");
        if (x == 4) revert E2();
        require(x > 0, "x");
        try this.g{value: 1, gas: 1000}(x) returns (uint v, bool) {
            r = v;
        } catch Error(string memory reason) {
            emit Log(reason);
        } catch Panic(uint code) {
        } catch (bytes memory lowLevel) {
        } catch {
        }
        try new Other{salt: bytes32(0), value: 1}(1) returns (Other o) {} catch {}
        (bool ok, bytes memory data) = address(this).call{value: 1, gas: gasleft()}(abi.encodeWithSelector(this.f.selector, 1));
        (, uint b2) = abi.decode(data, (uint, uint));
        (uint[] memory arrs, P memory p) = abi.decode(data, (uint[], P));
        bytes memory cat = bytes.concat(data, "x");
        string memory s = string.concat("a", unicode"héllo ☺", hex"00ff_ee");
        uint max = type(uint256).max;
        bytes4 sel = type(I).interfaceId;
        bytes memory code = type(Other).creationCode;
        uint[] calldata sl = msgData()[1:];
        x = x ** 2 ** 3;
        x = x >>> 1;
        x = -x;
        Fixed q = Fixed.wrap(1) + Fixed.wrap(2);
        address payable ap = payable(msg.sender);
        emit Log({message: "x"});
        do { x--; } while (x > 0);
        for (uint i; i < 10; i++) { if (i == 5) continue; else break; }
        for (;;) { break; }
        delete m[msg.sender];
        assembly ("memory-safe") {
            let a, b2 := f2()
            function f2() -> x1, y1 { x1 := 1 y1 := 2 leave }
            switch a case 0 { } case 0x01 { } case "ab" {} default { }
            for { let i := 0 } lt(i, 10) { i := add(i, 1) } { if eq(i, 5) { break } continue }
            sstore(lock.slot, tload(0))
            let z := verbatim_1i_1o(hex"600202", a)
            mstore(0x40, true)
            let t: u256 := 1
            r := r.offset
        }
        /// @solidity memory-safe-assembly
        assembly { }
        return r;
    }
    event Log(string message);
    function g(uint) external payable returns (uint, bool) {}
    function msgData() internal pure returns (uint[] calldata d) { assembly { d.offset := 0 d.length := 0 } }
    function over() public view virtual override(A, B2) returns (uint) {}
}
contract Other { constructor(uint) payable {} }
interface I {}
library SafeCast {}
abstract contract A { function over() public view virtual returns (uint); }
contract B2 is A, T layout at 1 { }
