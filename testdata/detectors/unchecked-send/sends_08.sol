pragma solidity ^0.8.0;

contract Tips {
    function tip(address payable to) external payable {
        to.send(msg.value); // want "unchecked-send"
    }
}
