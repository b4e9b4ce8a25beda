pragma solidity ^0.8.0;

abstract contract Token {
    function transfer(address to, uint256 value) public virtual returns (bool);
    function transferFrom(address from, address to, uint256 value) public virtual returns (bool);
}

// The ether leaves through transfer(), which cannot re-enter, but the
// token call after it can: re-entering withdraw() pays the ether again.
contract Indirect {
    mapping(address => mapping(address => uint256)) eth_deposed;
    mapping(address => mapping(address => uint256)) token_deposed;

    function deposit_eth(address token) public payable {
        eth_deposed[token][msg.sender] += msg.value;
    }

    function deposit_token(address token, uint256 value) public {
        token_deposed[token][msg.sender] += value;
        require(Token(token).transferFrom(msg.sender, address(this), value));
    }

    function withdraw(address token) public {
        payable(msg.sender).transfer(eth_deposed[token][msg.sender]);
        require(Token(token).transfer(msg.sender, token_deposed[token][msg.sender])); // want "reentrancy-eth"
        eth_deposed[token][msg.sender] = 0;
        token_deposed[token][msg.sender] = 0;
    }
}
