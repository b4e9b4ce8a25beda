pragma solidity ^0.4.24;

contract OldSig {
    mapping(address => uint) public balances;

    function transferSigned(address _from, address _to, uint _value, bytes32 _hash, uint8 v, bytes32 r, bytes32 s) public {
        address signer = ecrecover(_hash, v, r, s); // want "ecrecover-unchecked"
        require(signer == _from);
        balances[_from] -= _value;
        balances[_to] += _value;
    }
}
