pragma solidity ^0.5.0;

// selfdestruct reachable by anyone in 0.5 syntax: an internal helper called
// from a public function, a guard on a variable the caller sets first, a
// modifier that checks but lets the body run anyway, and a check of a
// caller-supplied address instead of msg.sender.
contract Killable {
    address payable public owner;
    address public admin;

    constructor() public {
        owner = msg.sender;
    }

    function _close(address payable to) internal {
        selfdestruct(to); // want "suicidal"
    }

    function retire(address payable to) public {
        _close(to);
    }

    function setAdmin(address a) public {
        admin = a;
    }

    function emergency() public {
        require(msg.sender == admin);
        selfdestruct(owner); // want "suicidal"
    }

    function killFor(address who) public {
        require(who == owner);
        selfdestruct(owner); // want "suicidal"
    }
}

contract LeakyModifier {
    address payable owner;

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) {
            emit Denied(msg.sender);
        }
        _;
    }

    event Denied(address who);

    function kill() public onlyOwner {
        selfdestruct(owner); // want "suicidal"
    }
}

// Safe: the same helpers behind real caller checks.
contract GuardedKillable {
    address payable public owner;
    mapping(address => bool) public admins;

    constructor() public {
        owner = msg.sender;
        admins[msg.sender] = true;
    }

    modifier onlyAdmin() {
        require(admins[msg.sender], "admin");
        _;
    }

    function addAdmin(address a) public onlyAdmin {
        admins[a] = true;
    }

    function _close(address payable to) internal {
        selfdestruct(to);
    }

    function retire(address payable to) public onlyAdmin {
        _close(to);
    }

    function emergency() public {
        if (!admins[msg.sender]) revert();
        selfdestruct(owner);
    }

    function ownerKill() public {
        require(msg.sender == owner || admins[msg.sender]);
        selfdestruct(owner);
    }
}
