pragma solidity ^0.8.0;

// The destination was committed by a proposer; executing is open to
// anyone once the delay has passed (TimelockController's shape).
contract Timelock {
    mapping(bytes32 => uint256) public readyAt;
    mapping(address => bool) public proposers;

    constructor() {
        proposers[msg.sender] = true;
    }

    function hashOperation(address target, uint256 value, bytes calldata data) public pure returns (bytes32) {
        return keccak256(abi.encode(target, value, data));
    }

    function schedule(address target, uint256 value, bytes calldata data, uint256 delay) external {
        require(proposers[msg.sender], "proposer");
        readyAt[hashOperation(target, value, data)] = block.timestamp + delay;
    }

    function execute(address target, uint256 value, bytes calldata data) external payable {
        bytes32 id = hashOperation(target, value, data);
        require(readyAt[id] != 0 && readyAt[id] <= block.timestamp, "not ready");
        delete readyAt[id];
        _execute(target, value, data);
    }

    function _execute(address target, uint256 value, bytes calldata data) internal {
        (bool ok, ) = target.call{value: value}(data);
        require(ok);
    }

    receive() external payable {}
}
