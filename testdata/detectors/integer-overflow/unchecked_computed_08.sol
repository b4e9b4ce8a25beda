// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// unchecked sums: an amount the caller passes straight in can wrap an
// accumulator; a fee the contract's own (checked) math computed from the
// caller's amount is bounded by that math (Uniswap v4's protocol fees).
library FeeMath {
    function feeOf(uint256 amount, uint24 pips) internal pure returns (uint256) {
        return (amount * pips) / 1_000_000;
    }

    function split(uint256 amount, uint24 pips) internal pure returns (uint256 net, uint256 fee) {
        fee = (amount * pips) / 1_000_000;
        net = amount - fee;
    }
}

contract Pool {
    mapping(address => uint256) public protocolFeesAccrued;
    mapping(address => uint256) public credits;
    uint24 public constant PIPS = 3000;

    function swap(address currency, uint256 amountIn) external returns (uint256 net) {
        uint256 fee;
        (net, fee) = FeeMath.split(amountIn, PIPS);
        if (fee > 0) _accrue(currency, fee);
        _accrue(currency, FeeMath.feeOf(net, PIPS));
    }

    function _accrue(address currency, uint256 amount) internal {
        unchecked {
            protocolFeesAccrued[currency] += amount;
        }
    }
}

contract Credits {
    mapping(address => uint256) public credits;

    function credit(address to, uint256 amount) external {
        _add(to, amount);
    }

    function _add(address to, uint256 amount) internal {
        unchecked {
            credits[to] += amount; // want "integer-overflow"
        }
    }
}
