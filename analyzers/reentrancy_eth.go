package analyzers

// ReentrancyEth flags state written after an external call that forwards
// ether with enough gas to call back (SWC-107): the classic DAO bug.
var ReentrancyEth = &Analyzer{
	ID:         "reentrancy-eth",
	Title:      "Reentrancy: state written after an external call that sends ether",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatReentrancy,
	SWC:        "SWC-107",
	CWE:        []string{"CWE-841"},
	Description: "A public or external function makes an external call that hands control to " +
		"other code with all the remaining gas and can send ether (`addr.call{value: v}(\"\")`, " +
		"`addr.call.value(v)()`, a payable interface call, or any reentrant call after a " +
		"`transfer`/`send` payout), and only afterwards updates state that decides how much can " +
		"be taken: a variable read before the call, or reduced after it while another entry " +
		"point reads it. While the call runs the callee can call back into the contract, and " +
		"every check it meets still sees the old value. The call is reported where the " +
		"contract's own code makes it (a library helper such as `Address.sendValue` is named as " +
		"a related location), with every late write as a related location.\n\n" +
		"Not reported: functions under a reentrancy lock (`nonReentrant`, a `require(!locked); " +
		"locked = true; _; locked = false;` modifier, or a flag the function checks and sets " +
		"before the call); calls only a privileged caller can reach (`msg.sender` compared with " +
		"the owner, a role check); writes whose variable is checked again after the call; a " +
		"value saved before the call and restored after it; writes carried only by a loop's " +
		"next iteration; `send`/`transfer` as the reentrant call (2300 gas), calls of view " +
		"functions, `staticcall`, calls to the contract itself or to a contract the function " +
		"has just deployed. Those that remain are reported by `reentrancy-benign`.",
	Exploit: "`withdraw()` checks `balances[msg.sender]`, sends it with `msg.sender.call{value: " +
		"amount}(\"\")` and sets the balance to zero afterwards. The attacker's contract calls " +
		"`withdraw()`; its `receive()` function calls `withdraw()` again, which passes the balance " +
		"check a second time, and so on until the contract is empty. This is how The DAO lost " +
		"3.6 million ether in 2016.",
	Recommendation: "Apply checks-effects-interactions: update every state variable (zero the " +
		"balance, mark the claim) before the external call. Where that is not possible, protect the " +
		"function and every function that reads the same state with a reentrancy guard such as " +
		"OpenZeppelin's `ReentrancyGuard` (`nonReentrant`), or pay out through a pull-payment " +
		"withdrawal pattern.",
	Run: runReentrancyEth,
}

func init() { registry = append(registry, ReentrancyEth) }

func runReentrancyEth(p *Pass) {
	res := reentrancyOf(p)
	reportReentrancy(p, res.writes[reentEth], func(f *reentFinding) (string, []RelatedNode) {
		related := reentInnerCall(f)
		if f.ethSite != nil {
			related = append(related, RelatedNode{At: f.ethSite, Message: "ether sent before the call; re-entering sends it again: " + reentCode(f.ethSite, 60)})
		}
		for _, w := range f.writes {
			related = append(related, RelatedNode{At: w.at, Message: "state written after the call: " + w.v.Name.Name})
		}
		related = append(related, reentAlso(f)...)
		msg := reentQualified(f.ctx, f.entry) + " writes " + reentWrittenNames(f.writes) + " after " + reentCode(f.call, 60) +
			"; the callee can re-enter while the old value is still in place"
		return msg, related
	})
}
