pragma solidity ^0.8.0;

contract Fine {
    // Accumulators and loop counters rely on starting at zero.
    function sum(uint256[] calldata xs) external pure returns (uint256) {
        uint256 total;
        for (uint256 i; i < xs.length; ++i) {
            total += xs[i];
        }
        return total;
    }

    function sumOld(uint256[] calldata xs) external pure returns (uint256) {
        uint256 total;
        for (uint256 i = 0; i < xs.length; i++) {
            total = total + xs[i];
        }
        return total;
    }

    function count(uint256 n) external pure returns (uint256 c) {
        uint256 i;
        while (i < n) {
            i++;
        }
        c = i;
    }

    // Assigned on some path before the read.
    function maybe(bool a) external pure returns (uint256) {
        uint256 x;
        if (a) {
            x = 1;
        }
        return x;
    }

    function tuple() external pure returns (uint256) {
        uint256 a;
        uint256 b;
        (a, b) = (1, 2);
        return a + b;
    }

    function viaAssembly() external pure returns (uint256) {
        uint256 r;
        assembly {
            r := 7
        }
        return r;
    }

    // Reference types start empty, not dangerous.
    function empty() external pure returns (uint256) {
        uint256[] memory arr;
        bytes memory b;
        string memory s;
        return arr.length + b.length + bytes(s).length;
    }

    // Assigned later in the loop body: the read sees it from the second iteration.
    function previous(uint256 n) external pure returns (uint256 r) {
        uint256 last;
        for (uint256 i = 0; i < n; i++) {
            if (i > 0) {
                r += last;
            }
            last = i;
        }
    }

    // A flag set in a loop and read after it.
    function contains(uint256[] calldata xs, uint256 y) external pure returns (bool) {
        bool hit;
        for (uint256 i = 0; i < xs.length; i++) {
            if (xs[i] == y) {
                hit = true;
                break;
            }
        }
        return hit;
    }

    function tryIt(address target) external view returns (uint256) {
        uint256 size;
        try this.sizeOf(target) returns (uint256 s) {
            size = s;
        } catch {
            size = 0;
        }
        return size;
    }

    function sizeOf(address target) external view returns (uint256) {
        return target.code.length;
    }

    // Assigned on both branches of a conditional statement.
    function both(bool a) external pure returns (uint256) {
        uint256 v;
        if (a) v = 1;
        else v = 2;
        return v;
    }
}
