pragma solidity ^0.4.15;

// SmartBugs' incorrect_constructor_name1: the case differs.
contract Missing {
    address private owner;

    modifier onlyowner {
        require(msg.sender == owner);
        _;
    }

    function missing() public { // want "misnamed-constructor"
        owner = msg.sender;
    }

    function () payable {}

    function withdraw() public onlyowner {
        owner.transfer(this.balance);
    }
}

// Rubixi: renamed from DynamicPyramid, the old constructor stayed.
contract Rubixi {
    uint private balance = 0;
    address private creator;

    function DynamicPyramid() { // want "misnamed-constructor"
        creator = msg.sender;
    }

    modifier onlyowner {
        if (msg.sender == creator) _;
    }

    function collectAllFees() onlyowner {
        creator.transfer(balance);
        balance = 0;
    }
}

// A typo.
contract Ownable {
    address public owner;

    function Ownabel() public { // want "misnamed-constructor"
        owner = msg.sender;
    }
}
