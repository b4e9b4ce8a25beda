pragma solidity ^0.8.0;

contract GasOptimised {
    mapping(address => uint256) public balances;
    uint256 public totalPaid;

    function withdraw(uint256 amount) external {
        unchecked {
            balances[msg.sender] -= amount; // want "integer-overflow"
        }
        payable(msg.sender).transfer(amount);
    }

    function payMany(address[] calldata to, uint256[] calldata amounts) external payable {
        uint256 total;
        for (uint256 i = 0; i < amounts.length; ) {
            unchecked {
                total += amounts[i]; // want "integer-overflow"
                ++i;
            }
        }
        require(msg.value == total, "bad value");
        for (uint256 i = 0; i < to.length; i++) {
            balances[to[i]] += amounts[i];
        }
    }

    function scaled(uint256 x, uint256 factor) external {
        unchecked {
            totalPaid = x * factor; // want "integer-overflow"
        }
    }
}
