// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

// One vulnerable contract per property of the symbolic engine, for the
// end-to-end tests (symbolic/sevm TestEndToEnd, symbolic TestEndToEndScan).

// EtherStore: the re-entrancy of the DAO, in miniature.
contract EtherStore {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 bal = balances[msg.sender];
        require(bal > 0);
        (bool sent, ) = msg.sender.call{value: bal}("");
        require(sent, "send failed");
        balances[msg.sender] = 0;
    }
}

// Suicidal: no access control on selfdestruct.
contract Suicidal {
    function close() external {
        selfdestruct(msg.sender);
    }

    receive() external payable {}
}

// Ledger: spending more credit than you have underflows your balance.
contract Ledger {
    mapping(address => uint256) public credit;

    function spend(uint256 amount) external {
        credit[msg.sender] = credit[msg.sender] - amount;
    }
}

// Wallet: anyone can make themselves owner.
contract Wallet {
    address public owner;
    uint256 public limit;

    constructor() {
        owner = msg.sender;
    }

    function setOwner(address newOwner) external {
        owner = newOwner;
    }

    function setLimit(uint256 l) external {
        require(msg.sender == owner);
        limit = l;
    }
}

// Proxy: runs whatever code the caller names, in its own storage.
contract Proxy {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function execute(address impl, bytes calldata data) external {
        (bool ok, ) = impl.delegatecall(data);
        require(ok);
    }
}

// Store: a raw storage write at a caller-chosen slot.
contract Store {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function write(uint256 slot, uint256 value) external {
        assembly {
            sstore(slot, value)
        }
    }
}

// Meter: an invariant its own setter breaks.
contract Meter {
    uint256 public reading;

    function set(uint256 v) external {
        reading = v;
    }

    function tick() external {
        assert(reading != 7);
        reading += 1;
    }
}

// Payroll: forgets the debt whether or not the payment arrived.
contract Payroll {
    mapping(address => uint256) public owed;

    function accrue() external payable {
        owed[msg.sender] += msg.value;
    }

    function pay() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        msg.sender.send(amount);
    }
}

// Tap: pays anyone whatever they ask.
contract Tap {
    function drip(uint256 amount) external {
        msg.sender.transfer(amount);
    }

    receive() external payable {}
}
