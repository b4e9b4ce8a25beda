pragma solidity ^0.8.0;

// Other non-ASCII text is fine: café, naïve, 日本語, emoji.
contract Unicode {
    string public greeting = unicode"héllo wörld ✓";
    // Ünïcödé comment without any direction control.
    uint256 public x = 1;
}
