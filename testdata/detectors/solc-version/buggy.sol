// 0.8.13: StorageWriteRemovalBeforeConditionalTermination, InlineAssemblyMemorySideEffects, …
// want "solc-version"
pragma solidity 0.8.13;

contract Pinned {
    uint256 public x;

    function set(uint256 v) external {
        x = v;
    }
}
