package analyzers

// ReentrancyBenign flags state written after a reentrant external call
// where re-entering cannot exploit a stale read: the effect is that of two
// consecutive calls, but the ordering is still fragile.
var ReentrancyBenign = &Analyzer{
	ID:         "reentrancy-benign",
	Title:      "Reentrancy: state written after an external call (benign)",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatReentrancy,
	SWC:        "SWC-107",
	CWE:        []string{"CWE-841"},
	Description: "A public or external function writes state after an external call that can call " +
		"back into the contract, but the variable is not read before the call (nor, when ether is " +
		"sent, by another entry point), so a re-entrant call behaves like two consecutive calls. " +
		"The code breaks checks-effects-interactions; a later change that reads the variable " +
		"first turns it into an exploitable reentrancy.",
	Exploit: "`buy()` calls `token.transferFrom(msg.sender, address(this), price)` and then " +
		"increments `sold`. A malicious token can call `buy()` again during the transfer; `sold` " +
		"ends up correct, but any logic added later that reads `sold` before the call would see a " +
		"stale value.",
	Recommendation: "Move the state updates before the external call (checks-effects-interactions) " +
		"or protect the function with a reentrancy guard.",
	Run: runReentrancyBenign,
}

func init() { registry = append(registry, ReentrancyBenign) }

func runReentrancyBenign(p *Pass) {
	res := reentrancyOf(p)
	reportReentrancy(p, res.writes[reentBenign], func(f *reentFinding) (string, []RelatedNode) {
		related := reentInnerCall(f)
		for _, w := range f.writes {
			related = append(related, RelatedNode{At: w.at, Message: "state written after the call: " + w.v.Name.Name})
		}
		msg := reentQualified(f.ctx, f.entry) + " writes " + reentWrittenNames(f.writes) + " after " + reentCode(f.call, 60)
		return msg, related
	})
}
