pragma solidity ^0.4.11;

// Safe look-alikes: payload size checked, no amount after the address,
// internal functions.
contract PayloadChecked {
    mapping(address => uint) balances;

    modifier onlyPayloadSize(uint size) {
        assert(msg.data.length == size + 4);
        _;
    }

    function transfer(address _to, uint256 _value) public onlyPayloadSize(2 * 32) {
        balances[msg.sender] -= _value;
        balances[_to] += _value;
    }

    function transferFrom(address _from, address _to, uint256 _value) public {
        require(msg.data.length >= 100);
        balances[_from] -= _value;
        balances[_to] += _value;
    }

    function setOwner(address o) public {
        balances[o] = 1;
    }

    function _move(address to, uint amount) internal {
        balances[to] += amount;
    }

    function register(uint256 id, address who) public {
        balances[who] = id;
    }
}
