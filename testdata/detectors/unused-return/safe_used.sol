pragma solidity ^0.8.0;

// Safe look-alikes: return values used, calls that return nothing, try
// statements, internal calls.
interface IPool {
    function deposit(uint256 amount) external returns (uint256 shares, uint256 fee);
    function poke() external;
    function price() external view returns (uint256);
}

interface IERC20 {
    function approve(address spender, uint256 amount) external returns (bool);
}

contract Used {
    IPool public pool;
    IERC20 public token;
    uint256 public total;

    function a(uint256 amount) external {
        (uint256 shares, ) = pool.deposit(amount);
        total += shares;
    }

    function b() external {
        pool.poke();
    }

    function c() external view returns (uint256) {
        return pool.price() * 2;
    }

    function d(uint256 amount) external {
        try pool.deposit(amount) returns (uint256 s, uint256) {
            total += s;
        } catch {}
    }

    function e(address spender) external {
        require(token.approve(spender, 1), "approve");
    }

    function f() external {
        helper();
    }

    function helper() internal returns (uint256) {
        return 1;
    }

    function g(uint256 amount) external returns (uint256 shares, uint256 fee) {
        (shares, fee) = pool.deposit(amount);
    }
}
