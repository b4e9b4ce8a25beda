pragma solidity ^0.5.0;

// Payouts whose destination the caller names, in 0.5 syntax: a fixed prize
// to a parameter (SolidiFI's cash_unchk), each entry of a caller-supplied
// list, a destination packed in calldata, and a recipient guarded only by
// a check that the caller controls.
contract Payouts {
    address payable public owner;
    mapping(address => bool) public operators;

    constructor() public {
        owner = msg.sender;
    }

    function () external payable {}

    function cash(uint roundIndex, uint subpotIndex, address payable winner) public {
        uint64 subpot = 10 ether;
        winner.transfer(subpot); // want "arbitrary-send-eth"
    }

    function airdrop(address payable[] memory recipients, uint256 each) public {
        for (uint256 i = 0; i < recipients.length; i++) {
            recipients[i].transfer(each); // want "arbitrary-send-eth"
        }
    }

    function payEncoded(bytes memory data) public {
        (address payable to, uint256 amount) = abi.decode(data, (address, uint256));
        (bool ok, ) = to.call.value(amount)(""); // want "arbitrary-send-eth"
        require(ok);
    }

    function payIfSelf(address payable to, address claimed) public {
        require(claimed == to);
        to.transfer(address(this).balance); // want "arbitrary-send-eth"
    }
}

// The same payouts behind a check of the caller.
contract GuardedPayouts {
    address payable public owner;
    mapping(address => bool) public operators;
    mapping(address => uint256) public credit;

    constructor() public {
        owner = msg.sender;
    }

    function () external payable {}

    modifier onlyOperator() {
        require(operators[msg.sender], "operator");
        _;
    }

    function setOperator(address who, bool on) public {
        require(msg.sender == owner);
        operators[who] = on;
    }

    function cash(address payable winner) public onlyOperator {
        winner.transfer(10 ether);
    }

    function airdrop(address payable[] memory recipients, uint256 each) public {
        if (msg.sender != owner) revert("owner");
        for (uint256 i = 0; i < recipients.length; i++) {
            recipients[i].transfer(each);
        }
    }

    function withdrawFor(address payable who) public {
        uint256 amount = credit[who];
        credit[who] = 0;
        who.transfer(amount);
    }
}
