pragma solidity ^0.8.0;

contract Lottery {
    address payable[] public players;
    address public owner = msg.sender;

    function enter() external payable {
        require(msg.value == 0.01 ether);
        players.push(payable(msg.sender));
    }

    function pickWinner(uint256 seed) external {
        require(msg.sender == owner);
        uint256 total = address(this).balance;
        // want "unbounded-loop"
        for (uint256 i = 0; i < players.length; i++) {
            if (uint256(keccak256(abi.encode(seed, i))) % players.length == 0) {
                players[i].transfer(total);
                break;
            }
        }
        delete players;
    }
}

contract Registry {
    address[] internal members;
    mapping(uint256 => address) public userById;
    uint256 public numUsers;
    mapping(address => uint256) public rewards;

    function join() external {
        members.push(msg.sender);
    }

    function register() external {
        userById[numUsers] = msg.sender;
        numUsers++;
    }

    function rewardMembers() external {
        uint256 n = members.length;
        for (uint256 i = 0; i < n; i++) { // want "unbounded-loop"
            rewards[members[i]] += 1;
        }
    }

    function rewardUsers() external {
        for (uint256 i = 0; i < numUsers; i++) { // want "unbounded-loop"
            rewards[userById[i]] += 1;
        }
    }

    function _sweep() internal {
        uint256 i = members.length;
        while (i > 0) { // want "unbounded-loop"
            i--;
            rewards[members[i]] = 0;
        }
    }

    function reset() external {
        _sweep();
    }

    function countdown() external {
        for (uint256 i = members.length; i > 0; i--) { // want "unbounded-loop"
            rewards[members[i - 1]] += 2;
        }
    }
}

contract Queue {
    struct Store {
        uint256[] items;
        uint256 head;
    }
    Store internal store;
    uint256 public sum;

    function add(uint256 x) external {
        store.items.push(x);
    }

    function total() external {
        uint256 s;
        for (uint256 i = store.head; i < store.items.length; i++) { // want "unbounded-loop"
            s += store.items[i];
        }
        sum = s;
    }
}
