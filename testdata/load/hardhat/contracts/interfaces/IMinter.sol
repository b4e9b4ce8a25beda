// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IMinter {
    function mint(address to, uint256 amount) external;
}
