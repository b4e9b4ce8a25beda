pragma solidity ^0.4.24;

// Wallet (solc 0.4): setOwner forgot its check.
contract Wallet {
    address public owner;
    uint256 public limit;

    constructor() public {
        owner = msg.sender;
    }

    function setOwner(address o) public {
        owner = o;
    }

    function setLimit(uint256 l) public {
        require(msg.sender == owner);
        limit = l;
    }
}

// SafeWallet checks it.
contract SafeWallet {
    address public owner;
    uint256 public limit;

    constructor() public {
        owner = msg.sender;
    }

    function setOwner(address o) public {
        require(msg.sender == owner);
        owner = o;
    }

    function setLimit(uint256 l) public {
        require(msg.sender == owner);
        limit = l;
    }
}

// Forwarder (solc 0.4): delegatecall to a caller-chosen address.
contract Forwarder {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function forward(address target, bytes data) public {
        require(target.delegatecall(data));
    }
}

// FixedForwarder only delegatecalls a fixed library.
contract FixedForwarder {
    address public owner;
    address public constant LIB = address(0x1234);

    constructor() public {
        owner = msg.sender;
    }

    function forward(bytes data) public {
        require(LIB.delegatecall(data));
    }
}

// Registry (solc 0.4): the array length underflows, after which an index
// reaches every slot.
contract Registry {
    address public owner;
    uint256[] public data;

    constructor() public {
        owner = msg.sender;
    }

    function push(uint256 v) public {
        data.push(v);
    }

    function pop() public {
        data.length--;
    }

    function set(uint256 i, uint256 v) public {
        data[i] = v;
    }
}

// SafeRegistry never shrinks an empty array.
contract SafeRegistry {
    address public owner;
    uint256[] public data;

    constructor() public {
        owner = msg.sender;
    }

    function push(uint256 v) public {
        data.push(v);
    }

    function pop() public {
        require(data.length > 0);
        data.length--;
    }

    function set(uint256 i, uint256 v) public {
        data[i] = v;
    }
}
