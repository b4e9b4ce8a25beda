pragma solidity ^0.6.12;

interface IERC777Recipient {
    function tokensReceived(address operator, address from, address to, uint256 amount) external;
}

// A token with a receive hook: the hook runs between the balance check and
// the balance update.
contract HookToken {
    mapping(address => uint256) public balanceOf;

    function send(address to, uint256 amount) external {
        require(balanceOf[msg.sender] >= amount, "balance");
        balanceOf[to] += amount;
        IERC777Recipient(to).tokensReceived(msg.sender, msg.sender, to, amount); // want "reentrancy-no-eth"
        balanceOf[msg.sender] -= amount;
    }
}
