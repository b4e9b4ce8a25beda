pragma solidity =0.6.6;

interface IPair {
    function swap(uint amount0Out, uint amount1Out, address to, bytes calldata data) external;
}

interface IWETH {
    function withdraw(uint) external;
}

// `X.length - k` used as an index, or as the bound of a loop that indexes
// an array: when it wraps, the index is out of bounds and the call reverts.
contract Router {
    address public immutable WETH;
    address[] public pairs;
    uint[] public prices;

    constructor(address weth) public {
        WETH = weth;
    }

    function pairFor(address a, address b) internal pure returns (address) {
        return address(uint(keccak256(abi.encodePacked(a, b))));
    }

    function _swap(uint[] memory amounts, address[] memory path, address _to) internal {
        for (uint i; i < path.length - 1; i++) {
            (address input, address output) = (path[i], path[i + 1]);
            uint amountOut = amounts[i + 1];
            address to = i < path.length - 2 ? pairFor(output, path[i + 2]) : _to;
            IPair(pairFor(input, output)).swap(0, amountOut, to, new bytes(0));
        }
    }

    function getAmountsOut(uint amountIn, address[] memory path) internal pure returns (uint[] memory amounts) {
        amounts = new uint[](path.length);
        amounts[0] = amountIn;
        for (uint i; i < path.length - 1; i++) {
            amounts[i + 1] = amounts[i] * 997 / 1000;
        }
    }

    function swapExactTokensForETH(uint amountIn, uint amountOutMin, address[] calldata path, address to) external {
        require(path[path.length - 1] == WETH, "INVALID_PATH");
        uint[] memory amounts = getAmountsOut(amountIn, path);
        require(amounts[amounts.length - 1] >= amountOutMin, "INSUFFICIENT_OUTPUT_AMOUNT");
        _swap(amounts, path, address(this));
        IWETH(WETH).withdraw(amounts[amounts.length - 1]);
        payable(to).transfer(amounts[amounts.length - 1]);
    }

    // Through a local used only as an index and as a loop bound.
    function lastHop(address[] calldata path, uint amount) external {
        uint last = path.length - 1;
        address out = path[last];
        for (uint i; i < last; i++) {
            IPair(pairFor(path[i], out)).swap(0, amount, msg.sender, new bytes(0));
        }
    }

    // A storage array: bounds-checked like any other.
    function popPair() external {
        pairs[pairs.length - 1] = address(0);
        pairs.pop();
    }

    function latest(uint[] calldata xs) external {
        prices.push(xs[xs.length - 1]);
    }

    // `while` loop bound.
    function sumAll(uint[] calldata xs) external {
        uint i;
        while (i < xs.length - 1) {
            prices.push(xs[i] / 2);
            i++;
        }
    }
}
