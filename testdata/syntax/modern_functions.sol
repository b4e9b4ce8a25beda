// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;
pragma abicoder v2;

abstract contract Base {
    function hook(uint256 x) internal virtual returns (uint256);
}

interface IFace {
    function f(uint256) external view returns (bool ok);
}

contract Owned is Base, IFace {
    address payable public owner;
    uint256 private immutable start;
    function(uint256) internal pure returns (uint256) mapper;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(address payable o) payable {
        owner = o;
        start = block.timestamp;
    }

    receive() external payable {}

    fallback(bytes calldata input) external returns (bytes memory) {
        return input;
    }

    function hook(uint256 x) internal pure override returns (uint256) {
        return x * 2;
    }

    function f(uint256 v) external view override(IFace) returns (bool) {
        return v > start;
    }

    function withdraw() external onlyOwner {
        (bool sent, ) = owner.call{value: address(this).balance}("");
        require(sent);
    }
}

function freeFunction(uint256 a, uint256 b) pure returns (uint256) {
    return a + b;
}

uint256 constant LIMIT = 10 ** 18;
