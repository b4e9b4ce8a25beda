pragma solidity ^0.8.0;

// The ecrecover trick for elliptic-curve multiplication (Chainlink VRF):
// the result is compared with an address the contract computes from a hash
// of a curve point, which is address(0) only with negligible probability.
contract CurveMath {
    uint256 internal constant GROUP_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    function ecmulVerify(uint256[2] memory multiplicand, uint256 scalar, uint256[2] memory product) internal pure returns (bool verifies) {
        require(scalar != 0, "zero scalar");
        uint256 x = multiplicand[0];
        uint8 v = multiplicand[1] % 2 == 0 ? 27 : 28;
        bytes32 scalarTimesX = bytes32(mulmod(scalar, x, GROUP_ORDER));
        address actual = ecrecover(bytes32(0), v, bytes32(x), scalarTimesX);
        address expected = address(uint160(uint256(keccak256(abi.encodePacked(product)))));
        return (actual == expected);
    }

    function ecmulVerifyInline(uint256[2] memory p, uint256 scalar, uint256[2] memory product) internal pure returns (bool) {
        uint8 v = p[1] % 2 == 0 ? 27 : 28;
        return ecrecover(bytes32(0), v, bytes32(p[0]), bytes32(mulmod(scalar, p[0], GROUP_ORDER))) ==
            address(uint160(uint256(keccak256(abi.encodePacked(product)))));
    }

    function check(uint256[2] memory p, uint256 scalar, uint256[2] memory product) external pure returns (bool) {
        return ecmulVerify(p, scalar, product) && ecmulVerifyInline(p, scalar, product);
    }
}
