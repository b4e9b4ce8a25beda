pragma solidity ^0.4.24;

contract Doubler {
    address owner;
    uint multiplier = 125;

    modifier onlyowner() {
        if (msg.sender == owner) _;
    }

    function changeMultiplier(uint multi) public onlyowner {
        if (multi < 110 || multi > 150) throw;
        multiplier = multi; // want "events-maths"
    }

    function payout(uint deposit) public view returns (uint) {
        return deposit * multiplier / 100;
    }
}
