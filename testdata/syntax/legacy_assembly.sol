pragma solidity ^0.4.24;

contract OldAsm {
    function f() returns (uint r) {
        assembly {
            let x := 3
            loop:
            x
            =: r
            jump(loop)
        }
    }
}
