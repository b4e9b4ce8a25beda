pragma solidity ^0.8.0;

// Conservation of balances inside unchecked blocks: what one entry of a
// mapping loses (checked, or after a check that it covers the amount)
// another entry may gain, an entry gains at most what a checked total
// gained, and a total loses what an entry summed into it lost.
contract LocalChecked {
    mapping(address => uint256) private _balances;
    uint256 private _totalSupply;

    function transfer(address to, uint256 amount) external {
        uint256 fromBalance = _balances[msg.sender];
        require(fromBalance >= amount, "exceeds balance");
        unchecked {
            _balances[msg.sender] = fromBalance - amount;
            _balances[to] += amount;
        }
    }

    function mint(address account, uint256 amount) external {
        _totalSupply += amount;
        unchecked {
            _balances[account] += amount;
        }
    }

    function burn(uint256 amount) external {
        uint256 accountBalance = _balances[msg.sender];
        require(accountBalance >= amount, "exceeds balance");
        unchecked {
            _balances[msg.sender] = accountBalance - amount;
            _totalSupply -= amount;
        }
    }
}

contract CheckedRemoval {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        unchecked {
            balanceOf[to] += amount;
        }
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        balanceOf[from] -= amount;
        unchecked {
            balanceOf[to] += amount;
        }
        return true;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        unchecked {
            balanceOf[to] += amount;
        }
    }

    function burn(uint256 amount) external {
        balanceOf[msg.sender] -= amount;
        unchecked {
            totalSupply -= amount;
        }
    }
}

contract OtherShapes {
    mapping(address => uint256) public shares;
    uint256 public totalShares;

    function issue(address to, uint256 n) external {
        totalShares = totalShares + n;
        shares[to] = shares[to] + n;
    }

    function move(address to, uint256 n) external {
        shares[msg.sender] = shares[msg.sender] - n;
        unchecked {
            shares[to] += n;
        }
    }

    function moveChecked(address to, uint256 n) external {
        require(shares[msg.sender] >= n, "short");
        unchecked {
            shares[msg.sender] -= n;
            shares[to] += n;
        }
    }

    function moveRevert(address to, uint256 n) external {
        uint256 bal = shares[msg.sender];
        if (bal < n) revert("short");
        unchecked {
            shares[msg.sender] = bal - n;
            shares[to] += n;
        }
    }

    function redeem(uint256 n) external {
        shares[msg.sender] -= n;
        unchecked {
            totalShares -= n;
        }
    }
}
