pragma solidity ^0.5.0;

// Forwarder (solc 0.5): delegatecall to a caller-chosen address.
contract Forwarder {
    address public owner;

    constructor() public {
        owner = msg.sender;
    }

    function forward(address target, bytes calldata data) external {
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }
}

// FixedForwarder only delegatecalls a fixed library.
contract FixedForwarder {
    address public owner;
    address public constant LIB = address(0x1234);

    constructor() public {
        owner = msg.sender;
    }

    function forward(bytes calldata data) external {
        (bool ok, ) = LIB.delegatecall(data);
        require(ok);
    }
}

// Registry (solc 0.5): the array length underflows, after which an index
// reaches every slot.
contract Registry {
    address public owner;
    uint256[] public data;

    constructor() public {
        owner = msg.sender;
    }

    function push(uint256 v) external {
        data.push(v);
    }

    function pop() external {
        data.length--;
    }

    function set(uint256 i, uint256 v) external {
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

    function push(uint256 v) external {
        data.push(v);
    }

    function pop() external {
        require(data.length > 0);
        data.length--;
    }

    function set(uint256 i, uint256 v) external {
        data[i] = v;
    }
}
