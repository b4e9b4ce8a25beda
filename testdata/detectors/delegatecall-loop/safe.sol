pragma solidity ^0.8.0;

// Non-payable batches, or a payable batch in a contract that never reads
// msg.value.
contract PlainMulticall {
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function multicall(bytes[] calldata data) external returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i = 0; i < data.length; i++) {
            (bool ok, bytes memory r) = address(this).delegatecall(data[i]);
            require(ok);
            results[i] = r;
        }
    }
}

contract NoValueReads {
    mapping(address => uint256) public counters;

    function bump() external {
        counters[msg.sender] += 1;
    }

    function multicall(bytes[] calldata data) external payable {
        for (uint256 i = 0; i < data.length; i++) {
            (bool ok, ) = address(this).delegatecall(data[i]);
            require(ok);
        }
    }
}

contract Single {
    function exec(address target, bytes calldata data) external payable {
        (bool ok, ) = target.delegatecall(data);
        require(ok);
    }
}
