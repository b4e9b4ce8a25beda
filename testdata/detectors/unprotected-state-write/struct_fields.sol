pragma solidity ^0.8.0;

// Authorisation reads one member of a struct; writing that member (or the
// whole entry) is privileged, writing the other members is not.
contract Desk {
    struct Slot {
        address holder;
        uint256 fee;
        bytes32 note;
    }

    Slot[8] public slots;

    function sweep(address payable to) external {
        require(msg.sender == slots[0].holder);
        to.transfer(address(this).balance);
    }

    function book(uint256 i, bytes32 note) external payable {
        require(i > 0 && i < 8);
        slots[i].fee = msg.value;
        slots[i].note = note;
    }

    function takeOver(uint256 i, address who) external {
        slots[i].holder = who; // want "unprotected-state-write"
    }

    function replace(uint256 i, address who) external {
        slots[i] = Slot(who, 0, 0); // want "unprotected-state-write"
    }
}

// The check reads an element of an array member: only that member holds
// the authority.
contract Rooms {
    struct Room {
        address[2] members;
        bool open;
        uint256 rent;
    }

    mapping(bytes32 => Room) public rooms;

    function create(bytes32 id, address guest) external {
        require(rooms[id].members[0] == address(0));
        rooms[id].members[0] = msg.sender;
        rooms[id].members[1] = guest;
        rooms[id].open = true;
    }

    function close(bytes32 id) external {
        require(msg.sender == rooms[id].members[0]);
        rooms[id].open = false;
    }

    function settle(bytes32 id, uint256 rent) external {
        rooms[id].open = false;
        rooms[id].rent = rent;
    }

    function evict(bytes32 id, address who) external {
        rooms[id].members[0] = who; // want "unprotected-state-write"
    }
}
