pragma solidity ^0.4.24;

contract OldMisuse {
    bool locked;

    function f() public {
        while (false) { // want "boolean-cst"
            locked = true;
        }
        locked = locked || true; // want "boolean-cst"
    }
}
