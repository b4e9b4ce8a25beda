pragma solidity ^0.8.0;

// Safe-style setup() refunds its deployer from the new wallet: a one-time
// initializer that runs at deployment. The same refund in a function that
// can run again pays whoever asks.
contract Wallet {
    uint256 internal threshold;
    address internal owner;

    function setup(address owner_, uint256 payment, address payable receiver) external {
        require(threshold == 0, "already set up");
        threshold = 1;
        owner = owner_;
        if (payment > 0) {
            receiver.transfer(payment);
        }
    }

    function refund(uint256 payment, address payable receiver) external {
        threshold = 1;
        receiver.transfer(payment); // want "arbitrary-send-eth"
    }

    receive() external payable {}
}
