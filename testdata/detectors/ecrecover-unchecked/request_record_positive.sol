pragma solidity ^0.8.0;

// The pending request is checked but never cleared: the same signed
// fulfilment can be submitted again and pays again.
contract LeakyCoordinator {
    struct Request {
        address consumer;
        uint256 fee;
    }

    address public immutable oracle;
    mapping(bytes32 => Request) public requests;
    mapping(address => uint256) public withdrawable;

    constructor(address o) {
        oracle = o;
    }

    function request(bytes32 id) external payable {
        requests[id] = Request(msg.sender, msg.value);
    }

    function fulfill(bytes32 id, uint256 result, uint8 v, bytes32 r, bytes32 s) external {
        Request memory req = requests[id];
        require(req.consumer != address(0), "no request");
        bytes32 h = keccak256(abi.encodePacked(id, result));
        require(ecrecover(h, v, r, s) == oracle, "bad oracle signature"); // want "ecrecover-unchecked"
        withdrawable[oracle] += req.fee;
    }
}
