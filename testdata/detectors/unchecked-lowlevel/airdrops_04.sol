pragma solidity ^0.4.24;

// SmartBugs unchecked_low_level_calls shapes: token airdrops through a raw
// call in a loop, an owner-only forwarder that ignores the result, a
// honeypot's Command(), and a result bound but never read.
contract Airdrop {
    address public owner;

    function Airdrop() public {
        owner = msg.sender;
    }

    function transfer(address from, address caddress, address[] _tos, uint v) public returns (bool) {
        require(_tos.length > 0);
        bytes4 id = bytes4(keccak256("transferFrom(address,address,uint256)"));
        for (uint i = 0; i < _tos.length; i++) {
            caddress.call(id, from, _tos[i], v); // want "unchecked-lowlevel"
        }
        return true;
    }

    function execute(address _dst, uint _value, bytes _data) public {
        require(msg.sender == owner);
        _dst.call.value(_value)(_data); // want "unchecked-lowlevel"
    }

    function Command(address adr, bytes data) public payable {
        require(msg.sender == owner);
        adr.call.value(msg.value)(data); // want "unchecked-lowlevel"
    }

    function forward(address to) public payable {
        bool sent = to.call.value(msg.value)(); // want "unchecked-lowlevel"
    }
}

// Safe look-alikes: every result decides what happens next.
contract CheckedAirdrop {
    address public owner;
    uint public failures;

    function CheckedAirdrop() public {
        owner = msg.sender;
    }

    function transfer(address from, address caddress, address[] _tos, uint v) public returns (bool) {
        bytes4 id = bytes4(keccak256("transferFrom(address,address,uint256)"));
        for (uint i = 0; i < _tos.length; i++) {
            if (!caddress.call(id, from, _tos[i], v)) {
                failures++;
            }
        }
        return true;
    }

    function execute(address _dst, uint _value, bytes _data) public {
        require(msg.sender == owner);
        require(_dst.call.value(_value)(_data));
    }

    function forward(address to) public payable {
        bool sent = to.call.value(msg.value)();
        assert(sent);
    }
}
