package analyzers

// ERC20Interface flags ERC20-looking contracts whose functions do not have
// the standard's signatures, such as a transfer that returns nothing.
var ERC20Interface = &Analyzer{
	ID:         "erc20-interface",
	Title:      "Incorrect ERC20 function signature",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatERCConformance,
	CWE:        []string{"CWE-684"},
	Description: "A contract that implements at least three of the ERC20 functions (`totalSupply`, " +
		"`balanceOf`, `transfer`, `transferFrom`, `approve`, `allowance`) is treated as an ERC20 " +
		"token, and each of those functions must have the standard's parameters and return type: " +
		"`transfer`, `transferFrom` and `approve` return `bool`, the others `uint256`. A token " +
		"whose `transfer` returns nothing (as USDT and BNB do) breaks every caller compiled " +
		"against the standard interface: since Solidity 0.4.22 the caller checks the size of the " +
		"return data and reverts. ERC721 and ERC1155 contracts, whose functions share names with " +
		"ERC20, are left to erc721-interface; interfaces (and old-style contracts without any " +
		"code used as interfaces) are not checked: a no-return interface is the safe way to " +
		"call such tokens.",
	Exploit: "A token's `transfer(address,uint256)` has no return value. A DEX or lending pool calls " +
		"`IERC20(token).transfer(to, amount)` expecting a `bool`: the call reverts when the " +
		"missing return value is decoded. Tokens that reached the pool some other way (a direct " +
		"transfer, an airdrop) can never be withdrawn, and users' funds are stuck.",
	Recommendation: "Give every ERC20 function exactly the standard's signature and return value " +
		"(inherit OpenZeppelin's ERC20 where possible). Integrations that must support broken " +
		"tokens should call them through SafeERC20.",
	Run: runERC20Interface,
}

func init() { registry = append(registry, ERC20Interface) }

func runERC20Interface(p *Pass) {
	reportERCMismatches(p, "ERC20", erc20Functions, func(names map[string]bool) bool {
		return ercCountNames(names, erc20Functions) >= 3 && !looksLikeERC721(names) && !looksLikeERC1155(names)
	})
}
