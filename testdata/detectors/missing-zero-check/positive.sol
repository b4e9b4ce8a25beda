pragma solidity ^0.8.0;

contract Config {
    address public owner;
    address public treasury;
    address public oracle;
    address public feeTo;

    constructor(address _treasury) {
        owner = msg.sender;
        treasury = _treasury; // want "missing-zero-check"
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function setTreasury(address t) external onlyOwner {
        treasury = t; // want "missing-zero-check"
    }

    function setOracle(address o) external onlyOwner {
        _setOracle(o);
    }

    function _setOracle(address o) internal {
        oracle = o; // want "missing-zero-check"
    }

    function setFeeTo(address f) external onlyOwner {
        address next = f;
        feeTo = next; // want "missing-zero-check"
    }

    function withdraw(address payable to, uint256 amount) external onlyOwner {
        to.transfer(amount); // want "missing-zero-check"
    }

    function withdrawAll(address payable to) external onlyOwner {
        (bool ok, ) = to.call{value: address(this).balance}(""); // want "missing-zero-check"
        require(ok);
    }
}
