pragma solidity ^0.8.0;

// "assembly" in names, comments and strings is not inline assembly.
contract NoAsm {
    string public constant note = "assembly { sstore(0, 1) }";
    uint256 public assemblyLine;

    function isContract(address a) external view returns (bool) {
        // assembly { size := extcodesize(a) } would be the old way
        return a.code.length > 0;
    }
}
