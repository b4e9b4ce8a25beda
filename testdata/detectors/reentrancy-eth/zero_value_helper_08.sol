pragma solidity ^0.8.0;

// OpenZeppelin 4's Address.functionCall passes value 0 down to
// call{value: value}: a token pulled through it sends no ether, so a state
// write after it is not reentrancy-eth. The same helper called with an
// amount does send ether.
library Addr {
    function functionCall(address target, bytes memory data) internal returns (bytes memory) {
        return functionCallWithValue(target, data, 0);
    }

    function functionCallWithValue(address target, bytes memory data, uint256 value) internal returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call{value: value}(data);
        require(ok, "call failed");
        return ret;
    }
}

contract Vault {
    mapping(address => uint256) public shares;
    uint256 public totalShares;
    address public asset;

    function deposit(uint256 amount) external {
        uint256 minted = totalShares == 0 ? amount : (amount * totalShares) / 1e18;
        Addr.functionCall(asset, abi.encodeWithSignature("transferFrom(address,address,uint256)", msg.sender, address(this), amount));
        totalShares += minted;
        shares[msg.sender] += minted;
    }

    function withdrawTo(address to, uint256 amount) external {
        require(shares[msg.sender] >= amount, "too much");
        Addr.functionCallWithValue(to, "", amount); // want "reentrancy-eth"
        shares[msg.sender] -= amount;
        totalShares -= amount;
    }

    receive() external payable {}
}
