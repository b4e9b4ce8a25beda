pragma solidity ^0.4.24;

contract Meter {
    function value(uint256 x) public pure returns (uint256) {
        return x * 2;
    }
}

// Look-alikes: options followed by the call, results checked; a contract
// function that happens to be named `value`; a struct field named `value`.
contract Payer {
    struct Quote {
        uint256 value;
        uint256 gas;
    }

    Meter meter;
    Quote quote;

    function pay(address payee, uint256 amount) public {
        require(payee.call.value(amount)());
    }

    function payGas(address payee, uint256 amount) public {
        if (!payee.call.gas(2300).value(amount)()) {
            revert();
        }
    }

    function measure(uint256 x) public {
        meter.value(x);
    }

    function configure(uint256 v) public {
        quote.value = v;
        quote.gas = v;
    }
}
