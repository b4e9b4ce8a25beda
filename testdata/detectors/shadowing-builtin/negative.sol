pragma solidity ^0.8.0;

// `now`, `sha3` and `suicide` are no longer builtins in 0.8: the names are free.
contract Modern {
    uint256 public now;
    struct Info {
        uint256 block;
    }

    event Tick(uint256 tx);

    function sha3(bytes memory data) public pure returns (bytes32) {
        return keccak256(data);
    }

    function msgSender() public view returns (address) {
        return msg.sender;
    }

    function blockNumber() public view returns (uint256 number) {
        number = block.number;
        uint256 suicide = number;
        number = suicide;
    }

    fallback() external payable {}

    receive() external payable {}
}
