pragma solidity ^0.8.0;

contract Ownable {
    address private _owner;
    address public treasury;
    address public oracle;
    address public token;
    mapping(uint256 => address) public ownerOf;

    error ZeroAddress();

    constructor(address initialOwner) {
        if (initialOwner == address(0)) revert ZeroAddress();
        _transferOwnership(initialOwner);
    }

    modifier onlyOwner() {
        require(msg.sender == _owner, "owner");
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero");
        _transferOwnership(newOwner);
    }

    // Renouncing writes a constant, not a parameter.
    function renounceOwnership() public onlyOwner {
        _transferOwnership(address(0));
    }

    function _transferOwnership(address newOwner) internal {
        _owner = newOwner;
    }

    function setTreasury(address t) external onlyOwner {
        _requireNonZero(t);
        treasury = t;
    }

    function _requireNonZero(address a) internal pure {
        require(a != address(0), "zero");
    }

    function setOracle(address o) external onlyOwner {
        require(o.code.length > 0, "not a contract");
        oracle = o;
    }

    function setToken(address t) external onlyOwner {
        token = t;
        require(token != address(0) && t != address(0));
    }

    // Keyed data, not a critical address.
    function mint(address to, uint256 id) external onlyOwner {
        ownerOf[id] = to;
    }

    function pay(address payable to) external onlyOwner {
        require(to != address(0));
        to.transfer(address(this).balance);
    }

    // Calls with data are not plain ether sends.
    function execute(address target, bytes calldata data) external payable onlyOwner {
        (bool ok, ) = target.call{value: msg.value}(data);
        require(ok);
    }
}
