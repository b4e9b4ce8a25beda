pragma solidity ^0.4.24;

contract Bank {
    function supportsToken() external returns (bytes32);
}

// The external call happens in a modifier, after another modifier read
// the balance and before the body writes it.
contract ModifierEntrancy {
    mapping(address => uint) public tokenBalance;
    string constant name = "Nu Token";

    function airDrop() public hasNoBalance supportsToken {
        tokenBalance[msg.sender] += 20;
    }

    modifier supportsToken() {
        // want "reentrancy-no-eth"
        require(keccak256(abi.encodePacked("Nu Token")) == Bank(msg.sender).supportsToken());
        _;
    }

    modifier hasNoBalance() {
        require(tokenBalance[msg.sender] == 0);
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
