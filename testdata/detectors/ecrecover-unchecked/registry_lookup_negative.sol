pragma solidity ^0.8.0;

// The recovered signer is looked up in a stored membership mapping and the
// looked-up value decides a revert: address(0) is never registered, so the
// lookup rejects invalid signatures (Chainlink KeeperRegistry, Verifier, OCR2).
contract SignerRegistry {
    struct Signer {
        bool active;
        uint8 index;
    }

    enum Role {
        Unset,
        Signer,
        Transmitter
    }

    struct Oracle {
        uint8 index;
        Role role;
    }

    struct Config {
        mapping(address => Oracle) oracles;
        uint8 f;
    }

    error OnlyActiveSigners();
    error BadVerification();

    mapping(address => Signer) internal s_signers;
    mapping(address => Oracle) internal s_oracles;
    mapping(address => uint256) internal s_signerIndex; // 1-based
    mapping(address => bool) internal s_isSigner;
    mapping(bytes32 => Config) internal s_configs;

    // A struct read from the mapping, then one of its fields checked.
    function _verifyReportSignature(bytes32 h, bytes32[] calldata rs, bytes32[] calldata ss, bytes32 rawVs) internal view {
        Signer memory signer;
        address signerAddress;
        for (uint256 i = 0; i < rs.length; i++) {
            signerAddress = ecrecover(h, uint8(rawVs[i]) + 27, rs[i], ss[i]);
            signer = s_signers[signerAddress];
            if (!signer.active) revert OnlyActiveSigners();
        }
    }

    // Through a storage pointer parameter, compared with an enum value.
    function _verifySignatures(bytes32 h, bytes32[] memory rs, bytes32[] memory ss, bytes32 rawVs, Config storage cfg) private view {
        Oracle memory o;
        for (uint256 i; i < rs.length; ++i) {
            address signerAddress = ecrecover(h, uint8(rawVs[i]) + 27, rs[i], ss[i]);
            o = cfg.oracles[signerAddress];
            if (o.role != Role.Signer) revert BadVerification();
        }
    }

    function verify(bytes32 feedId, bytes32 h, bytes32[] calldata rs, bytes32[] calldata ss, bytes32 rawVs) external view {
        _verifyReportSignature(h, rs, ss, rawVs);
        _verifySignatures(h, rs, ss, rawVs, s_configs[feedId]);
    }

    // A memory copy declared and checked by require.
    function checkOracle(bytes32 h, uint8 v, bytes32 r, bytes32 s) external view returns (uint8) {
        address signer = ecrecover(h, v, r, s);
        Oracle memory o = s_oracles[signer];
        require(o.role == Role.Signer, "address not authorized to sign");
        return o.index;
    }

    // A field of the looked-up value checked directly.
    function checkActive(bytes32 h, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        address signer = ecrecover(h, v, r, s);
        require(s_signers[signer].active && h != bytes32(0), "inactive");
        return true;
    }

    // A 1-based index copied and compared with a constant.
    function checkIndex(bytes32 h, uint8 v, bytes32 r, bytes32 s) external view returns (uint256) {
        address signer = ecrecover(h, v, r, s);
        uint256 idx = s_signerIndex[signer];
        if (idx == 0) revert OnlyActiveSigners();
        return idx - 1;
    }

    // Unknown signers are skipped; only registered ones are counted.
    function countSigners(bytes32 h, bytes32[] calldata rs, bytes32[] calldata ss, uint8[] calldata vs) external view returns (uint256 n) {
        for (uint256 i = 0; i < rs.length; i++) {
            address signer = ecrecover(h, vs[i], rs[i], ss[i]);
            if (!s_isSigner[signer]) continue;
            n++;
        }
        for (uint256 i = 0; i < rs.length; i++) {
            address a = ecrecover(h, vs[i], rs[i], ss[i]);
            if (s_isSigner[a]) {
                n++;
            }
        }
    }

    // The ecrecover call itself is the key.
    function checkDirect(bytes32 h, uint8 v, bytes32 r, bytes32 s) external view returns (bool) {
        require(s_isSigner[ecrecover(h, v, r, s)], "unknown signer");
        return true;
    }
}
