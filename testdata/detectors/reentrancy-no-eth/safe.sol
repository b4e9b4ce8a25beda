pragma solidity ^0.8.0;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

interface IHook {
    function onAction(address who) external;
}

// Safe look-alikes of token and hook reentrancy.
contract SafeStaking {
    IERC20 public token;
    address public owner;
    mapping(address => uint256) public staked;
    uint256 public totalStaked;
    bool private busy;

    constructor(IERC20 t) {
        token = t;
        owner = msg.sender;
    }

    // Effects before the interaction.
    function stake(uint256 amount) external {
        require(staked[msg.sender] + amount <= 1000 ether);
        staked[msg.sender] += amount;
        token.transferFrom(msg.sender, address(this), amount);
    }

    // A flag checked and set before the call: re-entering reverts.
    function unstake(uint256 amount) external {
        require(!busy);
        busy = true;
        require(staked[msg.sender] >= amount);
        token.transfer(msg.sender, amount);
        staked[msg.sender] -= amount;
        busy = false;
    }

    // Only the owner can reach the call.
    function sweep(address to) external {
        require(msg.sender == owner, "owner");
        uint256 extra = token.balanceOf(address(this)) - totalStaked;
        token.transfer(to, extra);
        totalStaked = token.balanceOf(address(this));
    }

    // Views and self-calls cannot call back.
    function sync() external {
        require(totalStaked <= token.balanceOf(address(this)));
        totalStaked = token.balanceOf(address(this));
    }
}

// The state is re-validated after the call before it is written.
contract Revalidate {
    mapping(address => uint256) public credits;
    IHook public hook;

    function spend(uint256 amount) external {
        uint256 before = credits[msg.sender];
        require(before >= amount);
        hook.onAction(msg.sender);
        require(credits[msg.sender] == before, "changed during the hook");
        credits[msg.sender] = before - amount;
    }
}

// A context variable set for the duration of the call and restored after.
contract Executor {
    address private current;

    function execute(address target, bytes calldata data) external {
        address previous = current;
        current = target;
        (bool ok, ) = target.call(data);
        require(ok);
        current = previous;
    }

    function caller() external view returns (address) {
        return current;
    }
}

// Each iteration writes before its own call: the write in the next
// iteration follows the previous call only through the loop's back edge.
contract Payroll {
    IERC20 public token;
    mapping(address => uint256) public owed;

    function payAll(address[] calldata staff) external {
        for (uint256 i = 0; i < staff.length; i++) {
            uint256 amount = owed[staff[i]];
            owed[staff[i]] = 0;
            token.transfer(staff[i], amount);
        }
    }
}

interface IPair {
    function initialize(address a, address b) external;
}

contract Pair is IPair {
    address public token0;
    address public token1;

    function initialize(address a, address b) external {
        token0 = a;
        token1 = b;
    }
}

// A freshly deployed contract is not an attacker.
contract Factory {
    mapping(address => mapping(address => address)) public getPair;

    function createPair(address a, address b) external returns (address pair) {
        require(getPair[a][b] == address(0), "exists");
        pair = address(new Pair());
        IPair(pair).initialize(a, b);
        getPair[a][b] = pair;
    }

    function createPair2(address a, address b) external returns (address pair) {
        require(getPair[b][a] == address(0), "exists");
        bytes memory bytecode = type(Pair).creationCode;
        bytes32 salt = keccak256(abi.encodePacked(a, b));
        assembly {
            pair := create2(0, add(bytecode, 32), mload(bytecode), salt)
        }
        IPair(pair).initialize(a, b);
        getPair[b][a] = pair;
    }
}

interface IStrategy {
    function harvest() external returns (uint256);
}

// Writes in a catch clause follow a call that reverted, effects included.
contract Harvester {
    IStrategy public strategy;
    uint256 public failures;
    uint256 public lastHarvest;

    function harvest() external {
        require(block.timestamp > lastHarvest);
        try strategy.harvest() returns (uint256) {
        } catch {
            failures = failures + 1;
            lastHarvest = block.timestamp;
        }
    }
}
