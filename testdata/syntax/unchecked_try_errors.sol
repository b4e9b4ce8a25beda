pragma solidity ^0.8.4;

type Price is uint128;

error Insufficient(uint256 available, uint256 required);

library PriceMath {
    function add(Price a, Price b) internal pure returns (Price) {
        return Price.wrap(Price.unwrap(a) + Price.unwrap(b));
    }
    function eq(Price a, Price b) internal pure returns (bool) {
        return Price.unwrap(a) == Price.unwrap(b);
    }
}

using {PriceMath.add as +, PriceMath.eq as ==} for Price global;

interface IOracle {
    function price() external returns (uint256);
}

contract Vault {
    using PriceMath for Price;

    mapping(address account => uint256 balance) public balances;
    uint256 transient locked;

    error Locked();

    function take(uint256 amount) external {
        uint256 have = balances[msg.sender];
        if (have < amount) revert Insufficient({available: have, required: amount});
        unchecked {
            balances[msg.sender] = have - amount;
        }
    }

    function read(IOracle o) external returns (uint256 p) {
        try o.price() returns (uint256 v) {
            p = v;
        } catch Error(string memory reason) {
            revert(reason);
        } catch Panic(uint256 code) {
            p = code;
        } catch (bytes memory) {
            revert Locked();
        }
    }

    function slice(bytes calldata data) external pure returns (bytes calldata head, bytes4 sel) {
        head = data[4:];
        sel = bytes4(data[:4]);
    }
}
