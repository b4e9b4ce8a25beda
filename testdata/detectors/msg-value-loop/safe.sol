pragma solidity ^0.8.0;

// msg.value outside the loop, split into shares, compared with zero, or in
// a function that cannot receive ether.
contract Fair {
    mapping(address => uint256) public balances;

    function batchDeposit(address[] calldata to, uint256[] calldata amounts) external payable {
        uint256 total;
        for (uint256 i = 0; i < to.length; i++) {
            balances[to[i]] += amounts[i];
            total += amounts[i];
        }
        require(total == msg.value, "value");
    }

    function split(address payable[] calldata to) external payable {
        for (uint256 i = 0; i < to.length; i++) {
            to[i].transfer(msg.value / to.length);
        }
    }

    function maybe(address[] calldata to) external payable {
        for (uint256 i = 0; i < to.length; i++) {
            if (msg.value > 0) {
                balances[to[i]] += 1;
            }
        }
    }

    function notPayable(address[] calldata to) external {
        for (uint256 i = 0; i < to.length; i++) {
            _creditValue(to[i]);
        }
    }

    function _creditValue(address who) internal {
        balances[who] += msg.value;
    }

    function remaining(address payable[] calldata to, uint256[] calldata amounts) external payable {
        uint256 left = msg.value;
        for (uint256 i = 0; i < to.length; i++) {
            left -= amounts[i];
            to[i].transfer(amounts[i]);
        }
    }
}
