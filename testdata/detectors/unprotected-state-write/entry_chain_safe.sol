pragma solidity ^0.8.0;

// Look-alikes: the public callee checks the caller itself; the outer
// function checks it before calling; a one-time initializer.
contract Vault {
    mapping(address => bool) public guardians;
    address public keeper;
    bool private initialized;

    constructor() {
        keeper = msg.sender;
    }

    function addGuardian(address g) public {
        require(msg.sender == keeper);
        guardians[g] = true;
    }

    function setup(address g) public {
        addGuardian(g);
    }

    function rotate(address k) public {
        require(guardians[msg.sender]);
        keeper = k;
    }

    function init(address k) public {
        require(!initialized);
        initialized = true;
        rotate2(k);
    }

    function rotate2(address k) internal {
        keeper = k;
    }

    function sweep(address payable to) external {
        require(guardians[msg.sender] || msg.sender == keeper);
        to.transfer(address(this).balance);
    }
}
