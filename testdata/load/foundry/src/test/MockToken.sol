// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// A mock in a test/ directory inside src/ (as Uniswap v4 keeps its test
// routers): test code by its directory, out of scope unless tests are asked for.
contract MockToken {
    function mint(address to, uint256 amount) external {}
}
