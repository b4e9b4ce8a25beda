pragma solidity ^0.4.25;

contract Safe {
    address owner;
    uint[] public codes;
    address[] public members;

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function pop() public {
        require(codes.length > 0);
        codes.length--;
    }

    function clear() public {
        members.length = 0;
    }

    function grow() public {
        codes.length++;
    }

    function resize(uint n) public onlyOwner {
        members.length = n;
    }

    function popChecked() public {
        if (codes.length == 0) revert();
        require(codes.length != 0);
        codes.length -= 1;
    }
}
