// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity >=0.8.0;

abstract contract Owned {
    address public owner;

    constructor(address _owner) {
        owner = _owner;
    }
}
