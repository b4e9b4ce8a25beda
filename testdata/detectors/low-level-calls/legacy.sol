pragma solidity ^0.4.24;

contract OldCaller {
    function pay(address to, uint256 amount) public {
        require(to.call.value(amount)()); // want "low-level-calls"
    }

    function lib(address target) public {
        target.callcode(bytes4(keccak256("f()"))); // want "low-level-calls"
    }
}
