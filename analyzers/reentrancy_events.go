package analyzers

// ReentrancyEvents flags events emitted after a reentrant external call:
// a re-entrant call emits its own events first, so logs come out of order.
var ReentrancyEvents = &Analyzer{
	ID:         "reentrancy-events",
	Title:      "Reentrancy: event emitted after an external call",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatReentrancy,
	SWC:        "SWC-107",
	CWE:        []string{"CWE-841"},
	Description: "A public or external function emits an event after an external call that can " +
		"call back into the contract. If the callee re-enters, the events of the inner call are " +
		"logged before those of the outer one, and off-chain consumers (indexers, bridges, " +
		"accounting) that rely on log order reconstruct a wrong history.",
	Exploit: "`deposit()` transfers tokens in with `token.transferFrom(...)` and then emits " +
		"`Deposit(msg.sender, amount, balance)`. A token with a transfer hook re-enters " +
		"`deposit()`; the inner `Deposit` event is logged first with the final balance, the outer " +
		"one afterwards with a stale one, and an indexer replaying the events computes wrong " +
		"balances.",
	Recommendation: "Emit events before the external call (checks-effects-interactions), or " +
		"protect the function with a reentrancy guard.",
	Run: runReentrancyEvents,
}

func init() { registry = append(registry, ReentrancyEvents) }

func runReentrancyEvents(p *Pass) {
	res := reentrancyOf(p)
	reportReentrancy(p, res.events, func(f *reentFinding) (string, []RelatedNode) {
		related := reentInnerCall(f)
		var names []string
		for _, e := range f.events {
			related = append(related, RelatedNode{At: e, Message: "event emitted after the call"})
			names = append(names, reentEventName(e))
		}
		what := "emits " + reentJoin(names) + " after "
		return reentQualified(f.ctx, f.entry) + " " + what + reentCode(f.call, 60), related
	})
}
