// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

// Safe look-alikes: Uniswap V2's router pays the caller's proceeds to the
// recipient they name. The caller's tokens (or LP tokens) are pulled first,
// the pair pays WETH to the router, and exactly the swap's output is
// unwrapped and forwarded — `amounts[amounts.length - 1]`, an element of a
// local array rather than a plain variable. And a shop selling ether for a
// fixed token: what it sends is computed from what the caller just paid.
interface IWETH {
    function deposit() external payable;
    function withdraw(uint256) external;
    function balanceOf(address) external view returns (uint256);
}

interface IERC20 {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function balanceOf(address) external view returns (uint256);
}

interface IPair {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function burn(address to) external returns (uint256 amount0, uint256 amount1);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
}

library TransferHelper {
    function safeTransferFrom(address token, address from, address to, uint256 value) internal {
        (bool success, bytes memory data) = token.call(abi.encodeWithSelector(0x23b872dd, from, to, value));
        require(success && (data.length == 0 || abi.decode(data, (bool))), "TF");
    }

    function safeTransferETH(address to, uint256 value) internal {
        (bool success, ) = to.call{value: value}(new bytes(0));
        require(success, "ETH");
    }
}

library Library {
    function pairFor(address factory, address a, address b) internal pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encodePacked(hex"ff", factory, keccak256(abi.encodePacked(a, b)))))));
    }

    function getAmountsOut(address, uint256 amountIn, address[] memory path) internal pure returns (uint256[] memory amounts) {
        amounts = new uint256[](path.length);
        amounts[0] = amountIn;
        for (uint256 i = 1; i < path.length; i++) {
            amounts[i] = (amounts[i - 1] * 997) / 1000;
        }
    }

    function getAmountsIn(address, uint256 amountOut, address[] memory path) internal pure returns (uint256[] memory amounts) {
        amounts = new uint256[](path.length);
        amounts[amounts.length - 1] = amountOut;
        for (uint256 i = path.length - 1; i > 0; i--) {
            amounts[i - 1] = (amounts[i] * 1000) / 997 + 1;
        }
    }
}

contract Router {
    address public immutable factory;
    address public immutable WETH;

    constructor(address _factory, address _WETH) {
        factory = _factory;
        WETH = _WETH;
    }

    receive() external payable {
        assert(msg.sender == WETH);
    }

    function _swap(uint256[] memory amounts, address[] memory path, address _to) internal {
        for (uint256 i; i < path.length - 1; i++) {
            address to = i < path.length - 2 ? Library.pairFor(factory, path[i + 1], path[i + 2]) : _to;
            IPair(Library.pairFor(factory, path[i], path[i + 1])).swap(0, amounts[i + 1], to, new bytes(0));
        }
    }

    function swapExactTokensForETH(uint256 amountIn, uint256 amountOutMin, address[] calldata path, address to)
        external
        returns (uint256[] memory amounts)
    {
        require(path[path.length - 1] == WETH, "INVALID_PATH");
        amounts = Library.getAmountsOut(factory, amountIn, path);
        require(amounts[amounts.length - 1] >= amountOutMin, "INSUFFICIENT_OUTPUT_AMOUNT");
        TransferHelper.safeTransferFrom(path[0], msg.sender, Library.pairFor(factory, path[0], path[1]), amounts[0]);
        _swap(amounts, path, address(this));
        IWETH(WETH).withdraw(amounts[amounts.length - 1]);
        TransferHelper.safeTransferETH(to, amounts[amounts.length - 1]);
    }

    function swapTokensForExactETH(uint256 amountOut, uint256 amountInMax, address[] calldata path, address to)
        external
        returns (uint256[] memory amounts)
    {
        require(path[path.length - 1] == WETH, "INVALID_PATH");
        amounts = Library.getAmountsIn(factory, amountOut, path);
        require(amounts[0] <= amountInMax, "EXCESSIVE_INPUT_AMOUNT");
        TransferHelper.safeTransferFrom(path[0], msg.sender, Library.pairFor(factory, path[0], path[1]), amounts[0]);
        _swap(amounts, path, address(this));
        IWETH(WETH).withdraw(amounts[amounts.length - 1]);
        TransferHelper.safeTransferETH(to, amounts[amounts.length - 1]);
    }

    // The same, with a direct transfer of the unwrapped output.
    function swapExactTokensForETHDirect(uint256 amountIn, address[] calldata path, address payable to) external {
        uint256[] memory amounts = Library.getAmountsOut(factory, amountIn, path);
        TransferHelper.safeTransferFrom(path[0], msg.sender, Library.pairFor(factory, path[0], path[1]), amounts[0]);
        _swap(amounts, path, address(this));
        IWETH(WETH).withdraw(amounts[amounts.length - 1]);
        to.transfer(amounts[amounts.length - 1]);
    }

    function swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] calldata path, address to)
        external
    {
        TransferHelper.safeTransferFrom(path[0], msg.sender, Library.pairFor(factory, path[0], path[1]), amountIn);
        uint256 amountOut = IERC20(WETH).balanceOf(address(this));
        require(amountOut >= amountOutMin, "INSUFFICIENT_OUTPUT_AMOUNT");
        IWETH(WETH).withdraw(amountOut);
        TransferHelper.safeTransferETH(to, amountOut);
    }

    function removeLiquidityETH(address token, uint256 liquidity, address to) external returns (uint256 amountETH) {
        address pair = Library.pairFor(factory, token, WETH);
        IPair(pair).transferFrom(msg.sender, pair, liquidity);
        (, amountETH) = IPair(pair).burn(address(this));
        IWETH(WETH).withdraw(amountETH);
        TransferHelper.safeTransferETH(to, amountETH);
    }
}

// Ether sold for a token the shop fixed at construction: the amount sent is
// computed from what the caller has just paid in.
contract EtherShop {
    IERC20 public immutable token;
    uint256 public constant RATE = 1e12;
    address public immutable treasury;

    constructor(IERC20 _token, address _treasury) {
        token = _token;
        treasury = _treasury;
    }

    receive() external payable {}

    function quote(uint256 amount) public pure returns (uint256) {
        return amount / RATE;
    }

    function buyEth(uint256 amount, address payable to) external {
        token.transferFrom(msg.sender, address(this), amount);
        to.transfer(amount / RATE);
    }

    function buyEthViaHelper(uint256 amount, address to) external {
        TransferHelper.safeTransferFrom(address(token), msg.sender, treasury, amount);
        uint256 out = quote(amount);
        TransferHelper.safeTransferETH(to, out);
    }

    function buyEthPulled(uint256 amount, address to) external {
        _pull(amount);
        (bool ok, ) = to.call{value: quote(amount)}("");
        require(ok);
    }

    function _pull(uint256 value) private {
        bool ok = token.transferFrom(msg.sender, address(this), value);
        if (!ok) revert("pull");
    }
}
