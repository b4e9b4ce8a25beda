pragma solidity ^0.8.0;

// Arrays only the owner can grow, pages, per-caller arrays, memory arrays,
// binary searches and view-only loops.
contract Bounded {
    address public owner = msg.sender;
    address[] public admins;
    address[] public members;
    mapping(address => uint256[]) public deposits;
    uint256[] public checkpoints;
    mapping(address => uint256) public rewards;

    constructor(address[] memory initial) {
        for (uint256 i = 0; i < initial.length; i++) {
            admins.push(initial[i]);
        }
    }

    function addAdmin(address a) external {
        require(msg.sender == owner);
        admins.push(a);
    }

    function join() external {
        members.push(msg.sender);
    }

    function deposit() external payable {
        deposits[msg.sender].push(msg.value);
    }

    function checkpoint(uint256 v) external {
        checkpoints.push(v);
    }

    function notifyAdmins() external {
        for (uint256 i = 0; i < admins.length; i++) {
            rewards[admins[i]] += 1;
        }
    }

    function rewardPage(uint256 start, uint256 count) external {
        for (uint256 i = start; i < members.length && i < start + count; i++) {
            rewards[members[i]] += 1;
        }
    }

    function withdrawAll() external {
        uint256[] storage mine = deposits[msg.sender];
        uint256 total;
        for (uint256 i = 0; i < mine.length; i++) {
            total += mine[i];
        }
        delete deposits[msg.sender];
        payable(msg.sender).transfer(total);
    }

    function rewardList(address[] calldata list) external {
        for (uint256 i = 0; i < list.length; i++) {
            rewards[list[i]] += 1;
        }
    }

    function lookup(uint256 v) public view returns (uint256) {
        uint256 low = 0;
        uint256 high = checkpoints.length;
        while (low < high) {
            uint256 mid = (low + high) / 2;
            if (checkpoints[mid] > v) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    function memberCount() external view returns (uint256 n) {
        for (uint256 i = 0; i < members.length; i++) {
            if (members[i] != address(0)) {
                n++;
            }
        }
    }

    int24 public tick;

    // The state variable is the loop's index, not its bound.
    function moveTo(int24 target) external {
        while (tick != target) {
            tick++;
        }
    }

    function claim() external {
        rewards[msg.sender] = lookup(rewards[msg.sender]);
    }
}
