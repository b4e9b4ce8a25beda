// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import "./interfaces/IMinter.sol";

contract MyToken is ERC20, IMinter {
    function mint(address to, uint256 amount) external {}
}
