pragma solidity ^0.8.0;

// Two contracts derive from one base but neither delegatecalls: each is
// deployed with its own storage, so what the minter writes is still never
// written in the vault.
abstract contract FeeBase {
    address internal feeRecipient; // want "uninitialized-state"
}

contract Minter is FeeBase {
    constructor(address r) {
        feeRecipient = r;
    }

    function recipient() external view returns (address) {
        return feeRecipient;
    }
}

contract Vault is FeeBase {
    function sweep() external {
        payable(feeRecipient).transfer(address(this).balance);
    }

    receive() external payable {}
}
