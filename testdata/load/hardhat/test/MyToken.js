// Hardhat tests are JavaScript; nothing here is Solidity.
describe("MyToken", function () {});
