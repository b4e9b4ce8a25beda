pragma solidity ^0.8.4;

contract Fine {
    address internal owner;
    bool internal ok;
    bool internal locked;

    error NotOk();

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    modifier ifElseRevert() {
        if (ok) {
            _;
        } else {
            revert("no");
        }
    }

    modifier customError() {
        if (!ok) revert NotOk();
        _;
    }

    // The helper always reverts.
    modifier helperRevert() {
        if (!ok) {
            _fail();
        } else {
            _;
        }
    }

    function _fail() internal pure {
        revert("fail");
    }

    modifier nonReentrant() {
        require(!locked, "locked");
        locked = true;
        _;
        locked = false;
    }

    modifier asmRevert() {
        if (!ok) {
            assembly {
                revert(0, 0)
            }
        }
        _;
    }

    modifier requireFalse() {
        if (!ok) {
            require(false, "closed");
        }
        _;
    }

    modifier twoBranches(uint256 mode) {
        if (mode == 0) {
            _;
        } else if (mode == 1) {
            _;
        } else {
            revert();
        }
    }

    // Returning after `_` is fine.
    modifier afterward() {
        _;
        if (!ok) return;
        ok = false;
    }

    function f(uint256 m)
        external
        onlyOwner
        ifElseRevert
        customError
        helperRevert
        nonReentrant
        asmRevert
        requireFalse
        twoBranches(m)
        afterward
    {}
}
