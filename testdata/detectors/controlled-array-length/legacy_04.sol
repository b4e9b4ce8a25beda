pragma solidity ^0.4.25;

// SWC-124: the array can be made to span all of storage.
contract Wallet {
    uint[] private bonusCodes;
    address private owner;

    constructor() public {
        bonusCodes = new uint[](0);
        owner = msg.sender;
    }

    function () public payable {}

    function PushBonusCode(uint c) public {
        bonusCodes.push(c);
    }

    function PopBonusCode() public {
        require(0 <= bonusCodes.length);
        bonusCodes.length--; // want "controlled-array-length"
    }

    function UpdateBonusCodeAt(uint idx, uint c) public {
        require(idx < bonusCodes.length);
        bonusCodes[idx] = c;
    }

    function Destroy() public {
        require(msg.sender == owner);
        selfdestruct(msg.sender);
    }
}

contract Resizable {
    address[] public members;
    uint256[] public scores;

    function resize(uint256 n) public {
        members.length = n; // want "controlled-array-length"
    }

    function shrink(uint256 k) public {
        scores.length -= k; // want "controlled-array-length"
    }

    function dropLast() public {
        scores.length = scores.length - 1; // want "controlled-array-length"
    }
}
