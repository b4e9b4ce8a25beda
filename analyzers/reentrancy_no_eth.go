package analyzers

// ReentrancyNoEth flags state read before and written after a reentrant
// external call that sends no ether: token hooks, callbacks, arbitrary
// external calls.
var ReentrancyNoEth = &Analyzer{
	ID:         "reentrancy-no-eth",
	Title:      "Reentrancy: state read before and written after an external call",
	Severity:   Medium,
	Confidence: ConfidenceMedium,
	Category:   CatReentrancy,
	SWC:        "SWC-107",
	CWE:        []string{"CWE-841"},
	Description: "A public or external function reads a state variable, makes an external call " +
		"that can call back (a token transfer, an ERC-721/ERC-1155/ERC-777 receiver hook, a " +
		"callback, a low-level call without value) and writes the variable afterwards. A " +
		"re-entrant call in between sees the value from before the update, so checks built on it " +
		"can pass twice. No ether is sent on the way (see `reentrancy-eth` for that case).\n\n" +
		"The same guards as for `reentrancy-eth` silence it: reentrancy locks and checked-and-set " +
		"flags, privileged callers, a re-check of the variable after the call, restored values, " +
		"loop-carried writes, and calls that cannot re-enter (view functions, `staticcall`, the " +
		"contract itself, a contract deployed in the same function).",
	Exploit: "`claim()` checks `!claimed[msg.sender]`, mints an NFT with `_safeMint(msg.sender, " +
		"id)` (which calls `onERC721Received` on the receiver) and only then sets " +
		"`claimed[msg.sender] = true`. The attacker's `onERC721Received` calls `claim()` again and " +
		"mints as many tokens as gas allows.",
	Recommendation: "Write the state (mark the claim, decrease the balance) before the external " +
		"call, following checks-effects-interactions, or protect the function and those sharing " +
		"the state with a reentrancy guard (`nonReentrant`).",
	Run: runReentrancyNoEth,
}

func init() { registry = append(registry, ReentrancyNoEth) }

func runReentrancyNoEth(p *Pass) {
	res := reentrancyOf(p)
	reportReentrancy(p, res.writes[reentNoEth], func(f *reentFinding) (string, []RelatedNode) {
		related := reentInnerCall(f)
		for _, w := range f.writes {
			related = append(related, RelatedNode{At: w.at, Message: "state read before and written after the call: " + w.v.Name.Name})
		}
		related = append(related, reentAlso(f)...)
		pronoun := "it"
		if len(f.writes) > 1 {
			pronoun = "them"
		}
		msg := reentQualified(f.ctx, f.entry) + " reads " + reentWrittenNames(f.writes) + " before " + reentCode(f.call, 60) +
			" and writes " + pronoun + " after; a re-entrant call sees the stale value"
		return msg, related
	})
}
