pragma solidity ^0.4.24;

contract Safe {
    struct Rec {
        uint256 a;
    }

    mapping(uint256 => Rec) recs;
    Rec[] all;

    function f(uint256 id) public {
        Rec storage r = recs[id];
        r.a = 1;
        Rec memory m;
        m.a = 2;
        Rec storage later;
        later = recs[id + 1]; // assigned before any use
        later.a = m.a;
        uint256[] memory tmp = new uint256[](2);
        tmp[0] = r.a;
    }

    function pick(bool first) public {
        Rec storage target;
        if (first) {
            target = all[0];
        } else {
            target = recs[0];
        }
        target.a = 5;
    }
}
