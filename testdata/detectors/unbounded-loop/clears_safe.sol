pragma solidity ^0.8.0;

// Look-alikes: arrays only the owner grows, per-caller arrays, fixed-size
// arrays, single elements and mappings.
contract Book {
    address public owner;
    address[] public admins;
    mapping(address => uint256[]) public deposits;
    uint256[4] public slots;
    uint256[] public open;
    mapping(address => uint256) public credit;

    constructor() {
        owner = msg.sender;
    }

    function addAdmin(address a) external {
        require(msg.sender == owner);
        admins.push(a);
    }

    function resetAdmins() external {
        delete admins;
    }

    function deposit() external payable {
        deposits[msg.sender].push(msg.value);
        credit[msg.sender] += msg.value;
        open.push(msg.value);
    }

    function clearMine() external {
        delete deposits[msg.sender];
        delete credit[msg.sender];
    }

    function clearSlots() external {
        delete slots;
    }

    function closeOne(uint256 i) external {
        delete open[i];
    }
}
