pragma solidity ^0.4.24;

// Deployed without a constructor and set up by a one-time initializer:
// whoever calls it first owns the contract and can destroy it.
contract SharedLogic {
    address public admin;
    uint256 public limit;
    bool internal ready;

    modifier onlyAdmin() {
        require(msg.sender == admin);
        _;
    }

    function initAdmin(address a) public {
        require(!ready);
        ready = true;
        admin = a;
    }

    function initialize(address a, uint256 l) public { // want "unprotected-upgrade"
        initAdmin(a);
        limit = l;
    }

    function retire(address to) public onlyAdmin {
        selfdestruct(to);
    }
}
