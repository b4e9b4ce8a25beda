pragma solidity ^0.4.24;

/// @title BatchToken
/// @notice A minimal ERC-20 with a batch transfer for airdrops.
///
/// BUG (integer overflow, SWC-101), as in BeautyChain (BEC) in April 2018:
/// batchTransfer() computes `amount = cnt * _value` in unchecked pre-0.8
/// arithmetic. With two receivers and _value = 2**255 the product wraps to 0,
/// the balance check passes, nothing is deducted, and each receiver is
/// credited 2**255 tokens out of thin air.
///
/// Fix: SafeMath's mul (or Solidity >= 0.8), and require(_value > 0).
contract BatchToken {
    string public constant name = "Batch Token";
    string public constant symbol = "BAT";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(uint256 _supply) public {
        totalSupply = _supply;
        balanceOf[msg.sender] = _supply;
    }

    function transfer(address _to, uint256 _value) public returns (bool) {
        require(_to != address(0));
        require(balanceOf[msg.sender] >= _value);
        balanceOf[msg.sender] -= _value;
        balanceOf[_to] += _value;
        emit Transfer(msg.sender, _to, _value);
        return true;
    }

    function batchTransfer(address[] _receivers, uint256 _value) public returns (bool) {
        uint256 cnt = _receivers.length;
        uint256 amount = uint256(cnt) * _value; // wraps around
        require(cnt > 0 && cnt <= 20);
        require(_value > 0 && balanceOf[msg.sender] >= amount);

        balanceOf[msg.sender] -= amount;
        for (uint256 i = 0; i < cnt; i++) {
            balanceOf[_receivers[i]] += _value;
            emit Transfer(msg.sender, _receivers[i], _value);
        }
        return true;
    }
}
