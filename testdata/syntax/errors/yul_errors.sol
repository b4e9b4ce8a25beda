pragma solidity ^0.8.0;

contract C {
    function f() external pure returns (uint256 r) {
        assembly {
            let x :=
        }
        assembly {
            r := add(1, )
        }
        assembly {
            if { }
            /* never closed
        }
    }
}
