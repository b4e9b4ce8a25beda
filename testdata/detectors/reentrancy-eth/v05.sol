pragma solidity ^0.5.0;

contract Insecure {
    mapping(address => uint) private userBalances;

    function deposit() public payable {
        userBalances[msg.sender] += msg.value;
    }

    function withdrawBalance() public {
        uint amountToWithdraw = userBalances[msg.sender];
        (bool success, ) = msg.sender.call.value(amountToWithdraw)(""); // want "reentrancy-eth"
        require(success);
        userBalances[msg.sender] = 0;
    }
}

// The payout goes through a library helper: the finding is at the call
// in the contract's own code.
library SendLib {
    function sendValue(address payable to, uint amount) internal {
        (bool ok, ) = to.call.value(amount)("");
        require(ok);
    }
}

contract ViaLibrary {
    using SendLib for address payable;
    mapping(address => uint) public owed;

    function deposit() public payable {
        owed[msg.sender] += msg.value;
    }

    function claim() public {
        require(owed[msg.sender] > 0);
        msg.sender.sendValue(owed[msg.sender]); // want "reentrancy-eth"
        owed[msg.sender] = 0;
    }
}
