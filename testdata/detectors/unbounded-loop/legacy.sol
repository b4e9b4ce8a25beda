pragma solidity ^0.4.24;

contract Government {
    address[] public creditorAddresses;
    uint[] public creditorAmounts;

    function lendGovernmentMoney() public payable {
        creditorAddresses.length++;
        creditorAddresses[creditorAddresses.length - 1] = msg.sender;
        creditorAmounts.push(msg.value);
    }

    uint32 public lastPaid;

    function payNext() public {
        creditorAddresses[lastPaid].transfer(creditorAmounts[lastPaid]);
        lastPaid += 1;
    }

    // The index starts at a counter; the bound is still the array.
    function totalDebt() public returns (uint debt) {
        for (uint i = lastPaid; i < creditorAmounts.length; i++) { // want "unbounded-loop"
            debt += creditorAmounts[i];
        }
    }

    function payOut() public {
        // want "unbounded-loop"
        for (uint i = 0; i < creditorAddresses.length; i++) {
            creditorAddresses[i].transfer(creditorAmounts[i]);
        }
    }
}
