pragma solidity ^0.8.0;

import "./a.sol";
import "./b.sol" as B;
import * as C from "./c.sol";
import {X, Y as Z} from "../d.sol";
import 'single-quoted.sol';

/// @title A documented contract
/// @notice It does nothing.
contract Documented {
    /**
     * @dev The answer.
     * @return the number
     */
    function answer() external pure returns (uint256) {
        return 42; // not NatSpec
    }

    /// @notice Emitted on nothing.
    event Nothing(uint256 indexed a, bytes32 b) anonymous;
}
