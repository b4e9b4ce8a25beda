pragma solidity ^0.6.0;

// Wrapping the author says is wanted, in the comment block right above
// the statement or at its end, as Uniswap v2's oracle accumulators do; a
// comment that only says the wrap cannot happen, or one a statement away,
// changes nothing.
contract Accumulators {
    uint256 public priceCumulative;
    uint256 public volumeCumulative;
    uint256 public ticks;
    uint256 public total;

    function observe(uint256 price, uint256 elapsed) external {
        // addition overflow is desired
        // counterfactual
        priceCumulative += price * elapsed;
        volumeCumulative += price; // overflow is intended: consumers take differences
    }

    function tick(uint256 n) external {
        // wraps around by design
        ticks = ticks + n;
    }

    function add(uint256 amount) external {
        // this addition cannot overflow
        total += amount; // want "integer-overflow"
    }

    function addLater(uint256 amount) external {
        // overflow is desired
        uint256 doubled = amount;
        total = total + doubled * 2; // want "integer-overflow"
    }

    function addNegated(uint256 amount) external {
        // overflow is not intended here: amounts are small
        total += amount; // want "integer-overflow"
    }
}
