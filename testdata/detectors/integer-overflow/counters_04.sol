pragma solidity ^0.4.23;

// State counters updated with caller input, single and multi transaction.
contract Counters {
    uint public count = 1;
    uint public initialized = 0;
    mapping(uint256 => uint256) public map;

    function add(uint256 input) public {
        count += input; // want "integer-overflow"
    }

    function mul(uint256 input) public {
        count *= input; // want "integer-overflow"
    }

    function sub(uint256 input) public {
        count -= input; // want "integer-overflow"
    }

    function localOnly(uint256 input) public {
        uint res = count - input; // want "integer-overflow"
    }

    function init() public {
        initialized = 1;
    }

    function run(uint256 input) public {
        if (initialized == 0) {
            return;
        }
        count = count - input; // want "integer-overflow"
    }

    function init(uint256 k, uint256 v) public {
        map[k] -= v; // want "integer-overflow"
    }
}
