pragma solidity ^0.8.0;

library Counters {
    struct Counter {
        uint256 value;
    }

    function increment(Counter storage c) internal {
        c.value += 1;
    }

    function current(Counter storage c) internal view returns (uint256) {
        return c.value;
    }
}

contract Writes {
    using Counters for Counters.Counter;

    struct Position {
        uint256 amount;
        address owner;
    }

    mapping(address => uint256) balances; // written through an index
    uint256[] history; // written by push
    mapping(uint256 => Position) positions; // written through a storage pointer
    Position current; // written through a pointer assigned after its declaration
    Counters.Counter ids; // written through a storage parameter (using for)
    uint256 packed; // written in assembly through .slot
    uint256 initialised = 5; // has an initial value
    uint256 constant LIMIT = 10;
    uint256 immutable start;
    address owner; // written in the constructor
    uint256 total; // written with +=
    uint256 unused; // never read
    uint256 left; // written by a tuple assignment
    uint256 right;
    bool flag; // written by delete

    constructor() {
        start = block.timestamp;
        owner = msg.sender;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
        history.push(msg.value);
        total += msg.value;
        (left, right) = (msg.value, total);
        delete flag;
    }

    function open(uint256 id, uint256 amount) external {
        Position storage p = positions[id];
        p.amount = amount;
        p.owner = msg.sender;
        Position storage q;
        q = current;
        q.amount = amount;
        ids.increment();
    }

    function setPacked(uint256 v) external {
        assembly {
            sstore(packed.slot, v)
        }
    }

    function report() external view returns (uint256) {
        require(!flag && owner != address(0), "state");
        return balances[msg.sender] + history.length + positions[0].amount + current.amount + ids.current() +
            packed + initialised + LIMIT + start + total + left + right;
    }
}

// Written by the most derived contract's constructor.
contract Base {
    address internal admin;

    function isAdmin(address a) public view returns (bool) {
        return a == admin;
    }
}

contract Leaf is Base {
    constructor() {
        admin = msg.sender;
    }
}

// An abstract contract whose internal variable a derived contract may set.
abstract contract Configurable {
    uint256 internal threshold;

    function check(uint256 x) internal view returns (bool) {
        return x > threshold;
    }
}

// Written through a function that returns a storage reference.
contract Getter {
    struct Config {
        uint256 fee;
    }

    Config config;

    function _config() internal view returns (Config storage) {
        return config;
    }

    function setFee(uint256 fee) external {
        _config().fee = fee;
    }

    function fee() external view returns (uint256) {
        return config.fee;
    }
}

// Written through a member of a state struct, directly and by push.
contract Members {
    struct Params {
        uint256 fee;
        address[] admins;
    }

    Params params;

    function set(uint256 fee) external {
        params.fee = fee;
    }

    function addAdmin(address a) external {
        params.admins.push(a);
    }

    function get() external view returns (uint256, uint256) {
        return (params.fee, params.admins.length);
    }
}

contract OnlyPush {
    struct Queue {
        uint256[] items;
    }

    Queue queue;

    function add(uint256 v) external {
        queue.items.push(v);
    }

    function size() external view returns (uint256) {
        return queue.items.length;
    }
}
