pragma solidity ^0.4.19;

// Honeypots built on an uninitialised storage struct (CryptoRoulette,
// OpenAddressLottery): the local points at slot 0, so writing its fields
// overwrites the secret number or the owner.
contract CryptoRoulette {
    uint256 private secretNumber;
    uint256 public lastPlayed;
    uint256 public betPrice = 0.1 ether;
    address public ownerAddr;

    struct Game {
        address player;
        uint256 number;
    }

    Game[] public gamesPlayed;

    function CryptoRoulette() public {
        ownerAddr = msg.sender;
        secretNumber = uint8(sha3(now, block.blockhash(block.number - 1))) % 20 + 1;
    }

    function play(uint256 number) public payable {
        require(msg.value >= betPrice && number <= 10);
        Game game; // want "uninitialized-storage"
        game.player = msg.sender;
        game.number = number;
        gamesPlayed.push(game);
        if (number == secretNumber) {
            msg.sender.transfer(this.balance);
        }
        lastPlayed = now;
    }
}

contract Registry {
    struct Entry {
        address owner;
        uint256 since;
    }

    mapping(bytes32 => Entry) public entries;
    address public admin;

    function claim(bytes32 name, bool fresh) public {
        Entry storage e; // want "uninitialized-storage"
        if (fresh) {
            e = entries[name];
        }
        e.owner = msg.sender;
        e.since = now;
    }
}

// Safe look-alikes: the struct is built in memory, or the pointer is bound
// before any use.
contract FixedRoulette {
    uint256 private secretNumber;

    struct Game {
        address player;
        uint256 number;
    }

    Game[] public gamesPlayed;
    mapping(address => Game) public latest;

    function play(uint256 number) public payable {
        Game memory game;
        game.player = msg.sender;
        game.number = number;
        gamesPlayed.push(game);
        Game storage mine = latest[msg.sender];
        mine.number = number;
        Game storage other;
        other = gamesPlayed[0];
        other.player = msg.sender;
        Game storage pick;
        if (number > 5) {
            pick = gamesPlayed[0];
        } else {
            pick = latest[msg.sender];
        }
        pick.number = number;
    }
}
