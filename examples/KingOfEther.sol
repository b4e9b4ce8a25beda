pragma solidity ^0.4.26;

/// @title KingOfEther
/// @notice Pay more than the current king to take the throne; the dethroned
/// king is refunded what they paid plus the difference.
///
/// BUG (unchecked low-level call, SWC-104), after the King of the Ether
/// Throne of 2016: claimThrone() refunds the old king with a low-level call
/// and ignores whether it succeeded. When the old king is a contract whose
/// fallback throws or runs out of the forwarded gas, the refund fails
/// silently and the ether stays in this contract while the throne moves on.
///
/// Fix: check the call's result (and prefer letting kings withdraw their
/// refunds themselves, so a failing refund cannot block anyone).
contract KingOfEther {
    address public king;
    uint256 public claimPrice = 1 ether;

    event NewKing(address indexed king, uint256 price);

    function claimThrone() external payable {
        require(msg.value >= claimPrice);

        uint256 compensation = claimPrice + (msg.value - claimPrice) / 2;
        if (king != address(0)) {
            king.call.value(compensation)(""); // result ignored
        }

        king = msg.sender;
        claimPrice = msg.value * 3 / 2;
        emit NewKing(msg.sender, msg.value);
    }
}
