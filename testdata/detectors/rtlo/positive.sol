pragma solidity ^0.8.0;

contract Labels {
    // Balanced overrides and isolates still display code out of order.
    uint256 public constant fee = /*‮ 1 ‬*/ 2; // want "rtlo" "rtlo"
    string public name = unicode"⁦name⁩"; // want "rtlo" "rtlo"
}
