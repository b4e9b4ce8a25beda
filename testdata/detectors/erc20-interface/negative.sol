pragma solidity ^0.8.0;

// A conforming token, with contract- and getter-typed parts.
contract GoodToken {
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    function transfer(address to, uint256 value) external returns (bool) {
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        return true;
    }

    function transferFrom(address from, address payable to, uint256 value) external returns (bool ok) {
        allowance[from][msg.sender] -= value;
        balanceOf[from] -= value;
        balanceOf[to] += value;
        ok = true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        return true;
    }

    // Overloads with other arities are not the standard's functions.
    function transfer(address to, uint256 value, bytes calldata data) external returns (bool) {
        return data.length == 0 && this.transfer(to, value);
    }
}

// The no-return interface used on purpose to call USDT-like tokens.
interface IUSDT {
    function transfer(address to, uint256 value) external;
    function transferFrom(address from, address to, uint256 value) external;
    function approve(address spender, uint256 value) external;
    function balanceOf(address who) external view returns (uint256);
}

// ERC721: approve and transferFrom return nothing there.
contract NFT {
    mapping(uint256 => address) internal owners;
    mapping(address => uint256) public balanceOf;

    function ownerOf(uint256 id) external view returns (address) {
        return owners[id];
    }

    function approve(address, uint256) external {}

    function transferFrom(address, address, uint256) external {}
}

// Only two ERC20-named functions: not taken for a token.
contract Bank {
    mapping(address => uint256) internal deposits;

    function balanceOf(address who) external view returns (uint256) {
        return deposits[who];
    }

    function transfer(address payable to, uint256 amount) external {
        deposits[msg.sender] -= amount;
        to.transfer(amount);
    }
}
