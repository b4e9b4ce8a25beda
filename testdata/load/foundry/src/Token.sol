// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@oz/token/ERC20.sol";
import {console} from "forge-std/console.sol";
import {Owned} from "solmate/auth/Owned.sol";
import "@openzeppelin/contracts/utils/Context.sol";

contract Token is ERC20, Owned {
    constructor() Owned(msg.sender) {
        console.log("deployed");
    }
}
