pragma solidity ^0.4.24;

contract Governmental {
    address public lastInvestor;
    uint public lastInvestmentTimestamp;
    uint constant ONE_MINUTE = 1 minutes;

    function invest() public payable {
        require(msg.value >= 1 ether);
        lastInvestor = msg.sender;
        lastInvestmentTimestamp = block.timestamp;
    }

    function resetInvestment() public {
        if (lastInvestmentTimestamp + ONE_MINUTE < block.timestamp) { // want "timestamp"
            lastInvestor.transfer(address(this).balance);
        }
    }
}

contract Roulette {
    uint public pastBlockTime;

    function () public payable {
        require(msg.value == 10 ether);
        require(now != pastBlockTime); // want "timestamp"
        pastBlockTime = now;
        uint elapsed = now - pastBlockTime;
        if (elapsed > 0 || msg.sender == address(0)) { // want "timestamp"
            msg.sender.transfer(address(this).balance);
        }
    }
}

contract Crowdsale {
    uint256 public deadline;

    modifier beforeDeadline() {
        require(now <= deadline); // want "timestamp"
        _;
    }

    function isSaleFinished() public view returns (bool) {
        return block.timestamp >= 1546300800; // want "timestamp"
    }

    function buy() public payable beforeDeadline {
        bool late = now > deadline - 1 days;
        if (late) { // want "timestamp"
            revert();
        }
    }
}
