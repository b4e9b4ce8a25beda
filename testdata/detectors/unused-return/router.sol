pragma solidity ^0.8.0;

interface IRouter {
    function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] calldata path, address to, uint256 deadline)
        external returns (uint256[] memory amounts);
}

interface IERC20 {
    function approve(address spender, uint256 amount) external returns (bool);
}

interface IPool {
    function deposit(uint256 amount) external returns (uint256 shares, uint256 fee);
    function poke() external;
}

contract Strategy {
    IRouter public router;
    IERC20 public token;
    IPool public pool;
    uint256 public booked;

    function harvest(uint256 amountIn, address[] calldata path) external {
        token.approve(address(router), amountIn); // want "unused-return"
        router.swapExactTokensForTokens(amountIn, 0, path, address(this), block.timestamp); // want "unused-return"
        booked += amountIn;
    }

    function invest(uint256 amount) external {
        (uint256 shares, uint256 fee) = pool.deposit(amount); // want "unused-return"
        pool.poke();
    }
}

contract Derived is Strategy {
    function reinvest(uint256 amount) external {
        this.harvestNothing(); // want "unused-return"
        pool.deposit(amount); // want "unused-return"
    }

    function harvestNothing() external returns (uint256) {
        return 0;
    }
}

interface IOracle {
    function latest() external view returns (uint256);
    function update() external returns (uint256 price);
}

contract ProbeLookalike {
    IOracle public oracle;
    uint256 public last;

    // A state-changing call as a statement still drops its result.
    function refresh() external {
        oracle.update(); // want "unused-return"
    }

    // A view result bound to a local that is never read is still unused.
    function peek() external {
        uint256 p = oracle.latest(); // want "unused-return"
        last = block.number;
    }
}
