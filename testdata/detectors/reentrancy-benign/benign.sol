pragma solidity ^0.8.0;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

interface IHook {
    function onAction(address who) external;
}

contract Shop {
    IERC20 public token;
    address public owner;
    uint256 public price = 1 ether;
    uint256 public sold;
    mapping(address => uint256) public bought;
    uint256 public lastSale;

    constructor(IERC20 t) {
        owner = msg.sender;
        token = t;
    }

    // Nothing written after the transfer was read before it.
    function buy() external {
        token.transferFrom(msg.sender, address(this), price); // want "reentrancy-benign"
        sold += 1;
        bought[msg.sender] += 1;
        lastSale = block.timestamp;
    }

    // A privileged caller: the owner cannot attack through re-entry.
    function withdrawFees(address to) external {
        require(msg.sender == owner, "only owner");
        uint256 amount = token.balanceOf(address(this));
        require(lastSale > 0);
        token.transfer(to, amount); // want "reentrancy-benign"
        lastSale = 0;
    }
}

// The counter is only ever incremented: a re-entrant call behaves like
// two consecutive ones.
contract Tipper {
    uint256 private tips;

    function tip(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}(""); // want "reentrancy-benign"
        require(ok);
        tips++;
    }
}

// Re-validated after the call: re-entering makes the outer call revert.
contract Checked {
    mapping(address => uint256) public credits;
    IHook public hook;

    function spend(uint256 amount) external {
        uint256 before = credits[msg.sender];
        require(before >= amount);
        hook.onAction(msg.sender); // want "reentrancy-benign"
        require(credits[msg.sender] == before, "changed");
        credits[msg.sender] = before - amount;
    }
}

// Written in the next iteration, after the previous iteration's call.
contract Payroll {
    IERC20 public token;
    mapping(address => uint256) public owed;

    function payAll(address[] calldata staff) external {
        for (uint256 i = 0; i < staff.length; i++) {
            uint256 amount = owed[staff[i]];
            owed[staff[i]] = 0;
            token.transfer(staff[i], amount); // want "reentrancy-benign"
        }
    }
}
