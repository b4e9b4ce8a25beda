pragma solidity ^0.4.24;

contract Wallet {
    address constant _walletLibrary = 0xcafEcAfeCAfECaFeCaFecaFecaFECafECafeCaFe;
    address owner;

    function Wallet() public {
        owner = msg.sender;
    }

    function() public payable {
        if (msg.data.length > 0)
            _walletLibrary.delegatecall(msg.data);
    }

    function forward(address callee, bytes _data) public {
        require(msg.sender == owner);
        require(callee.delegatecall(_data));
    }
}
