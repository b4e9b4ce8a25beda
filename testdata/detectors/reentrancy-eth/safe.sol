pragma solidity ^0.8.0;

// Safe look-alikes: checks-effects-interactions, locks, send/transfer,
// write only on the failure path, writes nobody reads.
contract EffectsFirst {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
    }
}

abstract contract ReentrancyGuard {
    uint256 private _status = 1;

    modifier nonReentrant() {
        require(_status == 1, "reentrant");
        _status = 2;
        _;
        _status = 1;
    }
}

contract Guarded is ReentrancyGuard {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external nonReentrant {
        require(balances[msg.sender] >= amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] -= amount;
    }
}

contract CustomLock {
    bool private busy;
    mapping(address => uint256) public balances;

    modifier noReentry() {
        require(!busy);
        busy = true;
        _;
        busy = false;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external noReentry {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] = 0;
    }
}

contract Stipend {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        payable(msg.sender).transfer(amount);
        balances[msg.sender] = 0;
    }

    function withdrawSend() external {
        uint256 amount = balances[msg.sender];
        if (payable(msg.sender).send(amount)) {
            balances[msg.sender] = 0;
        }
    }
}

interface IOracle {
    function price() external view returns (uint256);
}

contract ViewCall {
    IOracle public oracle;
    uint256 public lastPrice;
    mapping(address => uint256) public paid;

    function update() external {
        require(lastPrice == 0 || paid[msg.sender] > 0);
        uint256 p = oracle.price();
        lastPrice = p;
    }

    function selfCall() external {
        require(lastPrice > 0);
        this.reset();
        lastPrice = 1;
    }

    function reset() external {
        paid[msg.sender] = 0;
    }
}

// Nothing but a statistic is written after the send: benign, not theft.
contract Counter {
    uint256 private payouts;
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        payouts += 1;
    }
}

interface IWETH {
    function deposit() external payable;
    function withdraw(uint256 amount) external;
}

// A credit made after wrapping the ether: a re-entrant call could only
// see a smaller balance.
contract WrapThenCredit {
    IWETH public weth;
    mapping(address => uint256) public balances;

    function deposit() external payable {
        weth.deposit{value: msg.value}();
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        weth.withdraw(amount);
        payable(msg.sender).transfer(amount);
    }

    receive() external payable {}
}

// Only the owner reaches the call: a privileged caller, not an attacker.
contract OwnerPayout {
    address public owner = msg.sender;
    mapping(address => uint256) public pending;

    function credit(address who) external payable {
        pending[who] += msg.value;
    }

    function payOut(address payable who) external {
        require(msg.sender == owner, "owner");
        uint256 amount = pending[who];
        (bool ok, ) = who.call{value: amount}("");
        require(ok);
        pending[who] = 0;
    }
}
