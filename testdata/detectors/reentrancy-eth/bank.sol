pragma solidity ^0.8.0;

// The classic: check, send with all gas, then update.
contract Bank {
    mapping(address => uint256) public balances;

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount, "insufficient");
        (bool ok, ) = msg.sender.call{value: amount}(""); // want "reentrancy-eth"
        require(ok, "send failed");
        balances[msg.sender] -= amount;
    }

    function withdrawAll() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = payable(msg.sender).call{value: amount}(""); // want "reentrancy-eth"
        require(ok);
        balances[msg.sender] = 0;
    }
}

// The send happens in an internal helper; the write follows in the entry point.
contract Payout {
    mapping(address => uint256) private credit;

    function deposit() external payable {
        credit[msg.sender] += msg.value;
    }

    function _pay(address to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}(""); // want "reentrancy-eth"
        require(ok);
    }

    function claim() external {
        uint256 amount = credit[msg.sender];
        require(amount > 0);
        _pay(msg.sender, amount);
        credit[msg.sender] = 0;
    }
}

// Cross-function: nothing is read before the call in withdraw, but
// transfer() trusts the balance that withdraw() has not zeroed yet.
contract CrossFunction {
    mapping(address => uint256) private userBalances;

    function deposit() external payable {
        userBalances[msg.sender] += msg.value;
    }

    function transfer(address to, uint256 amount) external {
        if (userBalances[msg.sender] >= amount) {
            userBalances[to] += amount;
            userBalances[msg.sender] -= amount;
        }
    }

    function withdrawTo(address payable to, uint256 amount) external {
        (bool ok, ) = to.call{value: amount}(""); // want "reentrancy-eth"
        require(ok);
        userBalances[msg.sender] -= amount;
    }
}

interface IPool {
    function deposit() external payable;
}

// Ether forwarded through a payable interface call.
contract Forwarder {
    mapping(address => uint256) public shares;
    IPool public pool;

    function forward(uint256 amount) external {
        require(shares[msg.sender] >= amount);
        pool.deposit{value: amount}(); // want "reentrancy-eth"
        shares[msg.sender] -= amount;
    }
}
