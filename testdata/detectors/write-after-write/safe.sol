pragma solidity ^0.8.0;

// Reads, calls or branches in between, declarations with initialisers,
// struct fields, array elements and compound assignments.
contract Fine {
    struct S {
        uint256 a;
    }
    S public s;
    uint256[] public xs;
    uint256 public total;
    uint256 public last;
    mapping(address => uint256) public m;

    function update(uint256 v) external {
        total = v;
        last = total;
        total = v * 2;
    }

    function accumulate(uint256 v) external {
        total = v;
        total = total + 1;
        total += v;
    }

    function init(uint256 v) external pure returns (uint256) {
        uint256 x = 0;
        x = v;
        return x;
    }

    function viaCall(uint256 v) external {
        total = v;
        helper();
        total = 0;
    }

    function helper() internal {
        last = total;
    }

    function branches(uint256 v) external {
        total = v;
        if (v > 10) {
            return;
        }
        total = 10;
    }

    function fields(uint256 v) external {
        s.a = v;
        s.a = v + 1;
        xs[0] = v;
        xs[0] = v + 1;
        m[msg.sender] = v;
        m[msg.sender] = v + 1;
    }

    function swap(uint256 a, uint256 b) external pure returns (uint256, uint256) {
        uint256 t = a;
        a = b;
        b = t;
        return (a, b);
    }

    function loop(uint256 n) external {
        for (uint256 i = 0; i < n; i++) {
            last = i;
        }
        last = n;
    }
}
