pragma solidity ^0.4.24;

interface IPartner {
    function confirmJoin(address who) external returns (bool);
}

// The external call happens in a modifier, after another modifier read
// the member's state and before the body writes it: the partner contract
// can call join() again while isNew still passes.
contract Club {
    mapping(address => uint) public points;
    IPartner public partner;

    function join() public isNew partnerAgrees {
        points[msg.sender] += 100;
    }

    modifier partnerAgrees() {
        // want "reentrancy-no-eth"
        require(partner.confirmJoin(msg.sender));
        _;
    }

    modifier isNew() {
        require(points[msg.sender] == 0);
        _;
    }
}

contract Registry {
    mapping(address => bool) public registered;
    uint public count;

    function register(address hook) public {
        require(!registered[msg.sender]);
        require(hook.call(bytes4(keccak256("onRegister()")))); // want "reentrancy-no-eth"
        registered[msg.sender] = true;
        count += 1;
    }
}
