pragma solidity ^0.8.0;

// Sender checks that do not protect what follows them: a check whose
// branch ends before the selfdestruct, and "not done before" checks keyed
// by msg.sender, which anyone passes once.
contract HalfGuarded {
    address public owner;
    mapping(address => bool) public claimed;
    mapping(address => bool) public admins;

    event Seen(address who);

    constructor() {
        owner = msg.sender;
        admins[msg.sender] = true;
    }

    function closeAfterLogging() external {
        if (msg.sender == owner) {
            emit Seen(msg.sender);
        }
        selfdestruct(payable(msg.sender)); // want "suicidal"
    }

    function closeOnce() external {
        require(!claimed[msg.sender], "claimed");
        claimed[msg.sender] = true;
        selfdestruct(payable(msg.sender)); // want "suicidal"
    }

    function closeUnlessAdmin() external {
        if (admins[msg.sender]) {
            return;
        }
        selfdestruct(payable(msg.sender)); // want "suicidal"
    }

    // Safe look-alikes: the checks below do protect the selfdestruct.
    function closeIfOwner() external {
        if (msg.sender == owner) {
            selfdestruct(payable(owner));
        }
    }

    function closeByAdmin() external {
        if (!admins[msg.sender]) {
            revert("not admin");
        }
        selfdestruct(payable(msg.sender));
    }

    function closeByOwnerOrAdmin() external {
        require(msg.sender == owner || admins[msg.sender], "denied");
        selfdestruct(payable(msg.sender));
    }

    function closeNotOwnerReverts() external {
        if (msg.sender != owner) revert("owner");
        selfdestruct(payable(owner));
    }
}
