pragma solidity ^0.8.0;

abstract contract Base {
    uint256 private hidden;
    uint256 internal total;

    // Declarations without a body: their parameter names cannot be misused.
    function balance(address account) public view virtual returns (uint256 total);

    function _hiddenHelper() private pure returns (uint256) {
        return 1;
    }

    function hiddenValue() internal view returns (uint256) {
        return hidden + _hiddenHelper();
    }
}

interface IERC20Like {
    function owner() external view returns (address);
    function allowance(address owner, address spender) external view returns (uint256);
}

contract Impl is Base {
    constructor(uint256 total_) {
        total = total_;
    }

    // hidden and _hiddenHelper are private in Base: invisible here.
    function setHidden(uint256 hidden) external pure returns (uint256) {
        return hidden;
    }

    function helper(uint256 _hiddenHelper) external pure returns (uint256) {
        return _hiddenHelper;
    }

    function balance(address account) public view override returns (uint256 amount) {
        amount = account == address(0) ? 0 : total;
    }
}
