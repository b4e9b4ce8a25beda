pragma solidity ^0.8.0;

// A fulfilment signed by the oracle is bound to a pending request that is
// checked and then deleted or marked: replaying the signature finds no
// pending request (Chainlink VRFCoordinator.fulfillRandomnessRequest).
contract Coordinator {
    struct Callback {
        address callbackContract;
        uint96 fee;
        bytes32 seedAndBlockNum;
    }

    struct Job {
        address requester;
        bool done;
    }

    address public immutable oracle;
    mapping(bytes32 => Callback) public callbacks;
    mapping(bytes32 => Job) public jobs;
    mapping(address => uint256) public withdrawable;

    constructor(address o) {
        oracle = o;
    }

    function request(bytes32 id, bytes32 seed) external payable {
        require(callbacks[id].callbackContract == address(0), "exists");
        callbacks[id] = Callback(msg.sender, uint96(msg.value), seed);
        jobs[id] = Job(msg.sender, false);
    }

    // The record is copied in a helper, checked there, and deleted by the caller.
    function _load(bytes memory proof) internal view returns (Callback memory callback, bytes32 requestId, uint256 randomness) {
        (requestId, randomness) = abi.decode(proof, (bytes32, uint256));
        callback = callbacks[requestId];
        require(callback.callbackContract != address(0), "no corresponding request");
    }

    function fulfill(bytes memory proof, uint8 v, bytes32 r, bytes32 s) external {
        (Callback memory callback, bytes32 requestId, uint256 randomness) = _load(proof);
        bytes32 h = keccak256(abi.encodePacked(requestId, randomness));
        require(ecrecover(h, v, r, s) == oracle, "bad oracle signature");
        withdrawable[oracle] += callback.fee;
        delete callbacks[requestId];
        (bool ok, ) = callback.callbackContract.call(abi.encodeWithSignature("rawFulfill(bytes32,uint256)", requestId, randomness));
        ok;
    }

    // The record is copied, checked, and a field of it overwritten.
    function complete(bytes32 id, uint256 result, uint8 v, bytes32 r, bytes32 s) external {
        Job memory job = jobs[id];
        require(!job.done, "done");
        bytes32 h = keccak256(abi.encodePacked(id, result));
        require(ecrecover(h, v, r, s) == oracle, "bad oracle signature");
        jobs[id].done = true;
        withdrawable[job.requester] += result;
    }
}
