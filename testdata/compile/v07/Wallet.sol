// SPDX-License-Identifier: MIT
pragma solidity >=0.7.0 <0.8.0;

import "./ExtLib.sol";

// A library with a public function must be deployed and linked: the
// symbolic engine cannot use Linked, only Wallet and the library itself.
contract Linked {
    function twice(uint256 x) public pure returns (uint256) {
        return ExtLib.double(x);
    }
}

contract Wallet {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    receive() external payable {}

    function sweep(address payable to) public {
        // Missing access control: anyone can take the ether.
        to.transfer(address(this).balance);
    }

    function close() public {
        require(tx.origin == owner, "origin");
        selfdestruct(payable(msg.sender));
    }
}
