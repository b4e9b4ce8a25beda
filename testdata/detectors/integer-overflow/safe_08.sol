pragma solidity ^0.8.0;

// Safe look-alikes in 0.8: checked arithmetic, guarded unchecked blocks,
// loop counters and supply accounting.
contract Checked {
    mapping(address => uint256) public balances;
    uint256 public totalSupply;

    function add(uint256 x) external {
        totalSupply += x;
    }

    function withdraw(uint256 amount) external {
        uint256 bal = balances[msg.sender];
        if (bal < amount) revert("insufficient");
        unchecked {
            balances[msg.sender] = bal - amount;
        }
    }

    function mint(address to, uint256 value) external {
        totalSupply += value;
        unchecked {
            balances[to] += value;
        }
    }

    function burn(uint256 value) external {
        uint256 bal = balances[msg.sender];
        require(bal >= value, "burn exceeds balance");
        unchecked {
            balances[msg.sender] = bal - value;
            totalSupply -= value;
        }
    }

    function sum(uint256[] calldata xs) external pure returns (uint256 s) {
        for (uint256 i = 0; i < xs.length; ) {
            s += xs[i];
            unchecked {
                ++i;
            }
        }
    }

    function spend(uint256 current, uint256 value) external {
        uint256 spent = current < value ? current : value;
        unchecked {
            balances[msg.sender] = current - (current < value ? current : value);
        }
        totalSupply -= spent;
    }
}

library Wrapping {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        unchecked {
            return a + b;
        }
    }
}

contract UsesLibrary {
    uint256 public acc;

    function bump(uint256 x) external {
        acc = Wrapping.add(acc, x) % 1000;
    }
}
