pragma solidity ^0.8.0;

library Pay {
    function send(address payable to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        require(ok);
    }
}

contract Withdrawable {
    address payable public owner = payable(msg.sender);

    receive() external payable {}

    function withdraw() external {
        require(msg.sender == owner);
        owner.transfer(address(this).balance);
    }
}

contract ViaLibrary {
    receive() external payable {}

    function out(address payable to) external {
        require(to == address(0x1234));
        Pay.send(to, address(this).balance);
    }
}

contract Proxy {
    address immutable impl;

    constructor(address i) {
        impl = i;
    }

    fallback() external payable {
        address target = impl;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, 0) }
            default { return(0, returndatasize()) }
        }
    }
}

// Not payable at all.
contract Plain {
    uint256 public x;

    function set(uint256 v) external {
        x = v;
    }
}

abstract contract AbstractPayable {
    function pay() external payable virtual;
}

contract Killable {
    address payable owner = payable(msg.sender);

    function deposit() external payable {}

    function kill() external {
        require(msg.sender == owner);
        selfdestruct(owner);
    }
}

// Rejects ether despite the payable keyword.
contract Rejecting {
    uint256 public x;

    function set(uint256 v) external payable {
        require(msg.value == 0, "no ether");
        x = v;
    }

    fallback() external payable {
        revert("no ether");
    }
}
