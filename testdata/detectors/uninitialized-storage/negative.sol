pragma solidity ^0.8.0;

// Since 0.5 the compiler rejects uses of uninitialized storage pointers;
// a pointer assigned before use is fine.
contract Modern {
    struct Rec {
        uint256 a;
    }

    mapping(uint256 => Rec) recs;

    function f(uint256 id) external {
        Rec storage later;
        later = recs[id];
        later.a = 1;
        Rec memory m;
        m.a = later.a;
    }
}
