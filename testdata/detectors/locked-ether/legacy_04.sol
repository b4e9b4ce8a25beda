pragma solidity ^0.4.24;

contract Donations { // want "locked-ether"
    uint public total;

    function () public payable {
        total += msg.value;
    }
}
