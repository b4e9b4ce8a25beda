pragma solidity >=0.4.16;

// An interface-only file produces no bytecode: a broad pragma only states
// which compilers can import it.
interface IERC20Like {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function totalSupply() external view returns (uint256);
}
