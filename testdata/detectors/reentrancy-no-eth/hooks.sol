pragma solidity ^0.8.0;

interface IERC721Receiver {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data) external returns (bytes4);
}

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

// A free mint: the receiver hook runs before the claim is recorded.
contract FreeMint {
    mapping(address => bool) public claimed;
    mapping(uint256 => address) public ownerOf;
    uint256 public nextId;

    function _safeMint(address to, uint256 id) internal {
        ownerOf[id] = to;
        if (to.code.length > 0) {
            IERC721Receiver(to).onERC721Received(msg.sender, address(0), id, ""); // want "reentrancy-no-eth"
        }
    }

    function claim() external {
        require(!claimed[msg.sender], "claimed");
        _safeMint(msg.sender, nextId);
        nextId++;
        claimed[msg.sender] = true;
    }
}

// A token transfer (possibly with hooks) between the cap check and the update.
contract Staking {
    IERC20 public token;
    uint256 public cap = 1000 ether;
    mapping(address => uint256) public staked;

    constructor(IERC20 t) {
        token = t;
    }

    function stake(uint256 amount) external {
        require(staked[msg.sender] + amount <= cap, "cap");
        token.transferFrom(msg.sender, address(this), amount); // want "reentrancy-no-eth"
        staked[msg.sender] += amount;
    }

    function unstake(uint256 amount) external {
        require(staked[msg.sender] >= amount);
        require(token.transfer(msg.sender, amount)); // want "reentrancy-no-eth"
        staked[msg.sender] -= amount;
    }
}

// A low-level call without value is still a call back into the attacker.
contract Notifier {
    mapping(address => uint256) public pending;

    function notifyAndClear(address target, bytes calldata data) external {
        require(pending[target] > 0);
        (bool ok, ) = target.call(data); // want "reentrancy-no-eth"
        require(ok);
        pending[target] = 0;
    }
}

// Inheritance: the hook is a virtual function the derived contract implements.
abstract contract Market {
    mapping(uint256 => bool) public sold;
    mapping(uint256 => address) public buyer;

    function _deliver(address to, uint256 item) internal virtual;

    function buy(uint256 item) external {
        require(!sold[item]);
        _deliver(msg.sender, item);
        sold[item] = true;
        buyer[item] = msg.sender;
    }
}

interface IShop {
    function deliver(address to, uint256 item) external;
}

contract ShopMarket is Market {
    IShop public shop;

    function _deliver(address to, uint256 item) internal override {
        shop.deliver(to, item); // want "reentrancy-no-eth"
    }
}
