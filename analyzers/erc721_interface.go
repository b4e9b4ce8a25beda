package analyzers

// ERC721Interface flags ERC721-looking contracts whose functions do not
// have the standard's signatures.
var ERC721Interface = &Analyzer{
	ID:         "erc721-interface",
	Title:      "Incorrect ERC721 function signature",
	Severity:   Medium,
	Confidence: ConfidenceHigh,
	Category:   CatERCConformance,
	CWE:        []string{"CWE-684"},
	Description: "A contract that implements at least three ERC721 functions, one of them specific " +
		"to ERC721 (`ownerOf`, `safeTransferFrom`, `setApprovalForAll`, `getApproved`, " +
		"`isApprovedForAll`), must give each the standard's signature: `ownerOf` and " +
		"`getApproved` return `address`, `balanceOf` returns `uint256`, `isApprovedForAll` " +
		"returns `bool`, and `transferFrom`, both `safeTransferFrom`, `approve` and " +
		"`setApprovalForAll` return nothing. Marketplaces, wallets and bridges decode these " +
		"return values; a different type makes every such call revert or misread the result. " +
		"ERC1155 contracts and interfaces are not checked.",
	Exploit: "An NFT's `ownerOf(uint256)` returns `bool`. A marketplace calls it to check that the " +
		"seller owns the token before listing; the call's return data is decoded as an address " +
		"(`0x…01`), the check fails for every seller, and the collection cannot be traded — or, " +
		"with a looser check, anyone is taken for the owner.",
	Recommendation: "Give every ERC721 function exactly the standard's signature (inherit " +
		"OpenZeppelin's ERC721 where possible).",
	Run: runERC721Interface,
}

func init() { registry = append(registry, ERC721Interface) }

func runERC721Interface(p *Pass) {
	reportERCMismatches(p, "ERC721", erc721Functions, func(names map[string]bool) bool {
		return looksLikeERC721(names) && !looksLikeERC1155(names)
	})
}
