pragma solidity ^0.8.0;

// Mapping lookups that do not reject the zero address.
contract LookupToken {
    mapping(address => uint256) public nonces;
    mapping(address => uint256) public balanceOf;
    mapping(address => address) public delegateOf;
    mapping(address => uint256) public credits;

    event Seen(address signer, uint256 nonce);

    // Compared with a caller-supplied address; the nonce mapping is only written.
    function transferFrom(address from, address to, uint256 amount, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(signer == from, "bad sig");
        nonces[signer]++;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
    }

    // The key is only written.
    function bump(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        nonces[signer]++;
        emit Seen(signer, nonces[signer]);
    }

    // The looked-up value is read but decides nothing.
    function sweep(address to, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        uint256 bal = balanceOf[signer];
        nonces[signer]++;
        balanceOf[signer] = 0;
        balanceOf[to] += bal;
    }

    // An amount check is not membership: address(0) may hold burned tokens.
    function spend(address to, uint256 amount, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(balanceOf[signer] >= amount, "balance");
        nonces[signer]++;
        balanceOf[signer] -= amount;
        balanceOf[to] += amount;
    }

    // The looked-up value is compared with a caller-supplied address:
    // delegateOf[address(0)] == address(0) == account.
    function actFor(address account, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(delegateOf[signer] == account, "not delegate");
        nonces[account]++;
        balanceOf[account] += 1;
    }

    mapping(address => bool) public claimed;

    // Checking that the signer has not claimed yet passes for address(0).
    function claim(uint256 amount, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(!claimed[signer], "claimed");
        claimed[signer] = true;
        balanceOf[signer] += amount;
    }

    function claimOnce(uint256 amount, bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        if (claimed[signer] || amount == 0) revert("claimed");
        claimed[signer] = true;
        balanceOf[signer] += amount;
    }

    // A disjunct the check does not require.
    function either(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        address signer = ecrecover(h, v, r, s); // want "ecrecover-unchecked"
        require(claimed[signer] || h != bytes32(0), "no");
        nonces[signer]++;
    }

    // The ecrecover call is the key of a write.
    function credit(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        credits[ecrecover(h, v, r, s)] += 1; // want "ecrecover-unchecked"
        nonces[msg.sender]++;
    }
}
