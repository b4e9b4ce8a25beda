pragma solidity ^0.8.0;

// Token transfers routed through a call helper that sends value 0: no
// ether leaves, whoever picks the token or the recipient.
library Addr {
    function functionCall(address target, bytes memory data) internal returns (bytes memory) {
        return functionCall(target, data, "call failed");
    }

    function functionCall(address target, bytes memory data, string memory err) internal returns (bytes memory) {
        return functionCallWithValue(target, data, 0, err);
    }

    function functionCallWithValue(address target, bytes memory data, uint256 value, string memory err)
        internal
        returns (bytes memory)
    {
        (bool ok, bytes memory ret) = target.call{value: value}(data);
        require(ok, err);
        return ret;
    }
}

interface IToken {
    function transfer(address to, uint256 amount) external returns (bool);
}

library SafeTok {
    using Addr for address;

    function safeTransfer(IToken token, address to, uint256 amount) internal {
        _callOptionalReturn(token, abi.encodeWithSelector(token.transfer.selector, to, amount));
    }

    function _callOptionalReturn(IToken token, bytes memory data) private {
        bytes memory ret = address(token).functionCall(data);
        if (ret.length > 0) {
            require(abi.decode(ret, (bool)), "transfer failed");
        }
    }
}

contract TokenSplitter {
    uint256 private constant NONE = 0;
    mapping(IToken => mapping(address => uint256)) public owed;

    function release(IToken token, address to) external {
        uint256 amount = owed[token][to];
        owed[token][to] = 0;
        SafeTok.safeTransfer(token, to, amount);
    }

    function ping(address target) external {
        Addr.functionCallWithValue(target, "", NONE, "ping");
    }

    function pingCast(address target) external {
        Addr.functionCallWithValue(target, "", uint256(0), "ping");
    }
}
