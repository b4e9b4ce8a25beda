pragma solidity ^0.8.0;

// Safe look-alikes: boolean constants returned, assigned, passed, and
// infinite loops written with while (true).
contract Constants {
    bool public flag = true;
    event Set(bool v);

    function set() external returns (bool) {
        flag = false;
        emit Set(true);
        return true;
    }

    function spin(uint256 n) external pure returns (uint256 i) {
        while (true) {
            if (i >= n) break;
            i++;
        }
        for (;;) {
            break;
        }
        do {
            i++;
        } while (i <= n + 10);
    }

    function pass() external {
        helper(true, false);
    }

    function helper(bool a, bool b) internal pure returns (bool) {
        return a && !b;
    }
}
