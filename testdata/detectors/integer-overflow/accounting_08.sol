pragma solidity ^0.8.0;

// Look-alikes of balance conservation that do not bound the unchecked
// arithmetic.
contract Unbounded {
    mapping(address => uint256) public balances;
    mapping(address => uint256) public stakes;
    mapping(address => uint256) public rewards;
    uint256 public totalStaked;

    // A mint with a caller-chosen amount and no checked total.
    function mint(address to, uint256 amount) external {
        unchecked {
            balances[to] += amount; // want "integer-overflow"
        }
    }

    // The amount leaves a different mapping than the one credited.
    function unstakeTo(address to, uint256 amount) external {
        stakes[msg.sender] -= amount;
        unchecked {
            balances[to] += amount; // want "integer-overflow"
        }
    }

    // A different amount is removed than the one added.
    function transferBonus(address to, uint256 amount, uint256 credit) external {
        balances[msg.sender] -= amount;
        unchecked {
            balances[to] += credit; // want "integer-overflow"
        }
    }

    // The removal itself is unchecked and nothing checks it first.
    function transferUnchecked(address from, address to, uint256 amount) external {
        unchecked {
            balances[from] -= amount; // want "integer-overflow"
            balances[to] += amount; // want "integer-overflow"
        }
    }

    // The removal runs on one branch only.
    function transferMaybe(address to, uint256 amount, bool pay) external {
        if (pay) {
            balances[msg.sender] -= amount;
        }
        unchecked {
            balances[to] += amount; // want "integer-overflow"
        }
    }

    function stake(uint256 amount) external {
        totalStaked += amount;
        stakes[msg.sender] += amount;
    }

    // rewards are not summed into totalStaked.
    function claimAndUnstake(uint256 amount) external {
        rewards[msg.sender] -= amount;
        unchecked {
            totalStaked -= amount; // want "integer-overflow"
        }
    }
}
