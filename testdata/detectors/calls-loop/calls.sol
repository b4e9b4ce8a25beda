pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

contract Airdrop {
    IERC20 public token;
    address[] public holders;
    mapping(address => uint256) public owed;

    function distribute(uint256 amount) external {
        for (uint256 i = 0; i < holders.length; i++) {
            token.transfer(holders[i], amount); // want "calls-loop"
        }
    }

    function payEth() external {
        uint256 i = 0;
        while (i < holders.length) {
            payable(holders[i]).transfer(owed[holders[i]]); // want "calls-loop"
            i++;
        }
    }

    function _pay(address to) internal {
        (bool ok, ) = to.call{value: owed[to]}("");
        require(ok);
    }

    // The call is in a helper; the finding is at the helper's call in the loop.
    function payAll() external {
        for (uint256 i = 0; i < holders.length; i++) {
            _pay(holders[i]); // want "calls-loop"
        }
    }

    function drain(address to) external {
        uint256 i;
        do {
            token.transfer(to, owed[holders[i]]); // want "calls-loop"
            i++;
        } while (i < holders.length);
    }
}

abstract contract Splitter {
    address payable[] internal payees;

    function _send(address payable to, uint256 amount) internal virtual;

    function split() external payable {
        uint256 share = msg.value / payees.length;
        for (uint256 i = 0; i < payees.length; i++) {
            _send(payees[i], share); // want "calls-loop"
        }
    }
}

contract SendSplitter is Splitter {
    function _send(address payable to, uint256 amount) internal override {
        require(to.send(amount));
    }
}
