pragma solidity ^0.8.0;

// A public setup function that calls another public, unguarded one: both
// are ways in, and each is reported where it leads to the write.
contract Vault {
    mapping(address => bool) public guardians;
    address public keeper;

    function addGuardian(address g) public {
        guardians[g] = true; // want "unprotected-state-write"
    }

    function setup(address g, address k) public {
        addGuardian(g); // want "unprotected-state-write"
        keeper = k; // want "unprotected-state-write"
    }

    function sweep(address payable to) external {
        require(guardians[msg.sender] || msg.sender == keeper);
        to.transfer(address(this).balance);
    }
}
