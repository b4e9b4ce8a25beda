require("@nomicfoundation/hardhat-toolbox");

module.exports = {
  solidity: "0.8.20",
};
