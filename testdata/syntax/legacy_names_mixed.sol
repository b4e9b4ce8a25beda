pragma solidity ^0.4.24;

// `constructor` is the keyword here and `calldata` a name: only the word
// the first parse stopped at is read as a name.
contract Mixed {
    bytes public calldata;

    constructor(bytes data) public {
        calldata = data;
    }
}
