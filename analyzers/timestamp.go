package analyzers

import (
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Timestamp flags block.timestamp (or now) deciding control flow.
var Timestamp = &Analyzer{
	ID:         "timestamp",
	Title:      "Block timestamp used for control flow",
	Severity:   Low,
	Confidence: ConfidenceMedium,
	Category:   CatTimeManipulation,
	SWC:        "SWC-116",
	CWE:        []string{"CWE-829"},
	Description: "The block timestamp is chosen by the block proposer within a tolerance of the real time " +
		"(historically up to about 15 seconds on proof of work; on proof of stake it is the slot time). " +
		"A comparison with it that decides who may act, who wins, or whether a deadline passed can be " +
		"nudged by whoever builds the block.",
	Exploit: "A game pays out when `block.timestamp % 15 == 0` or lets the last bidder win once " +
		"`now > lastBid + 1 minutes`. A miner or builder who also plays picks a timestamp within the " +
		"tolerance that makes the condition true for their own transaction.",
	Recommendation: "Do not use the timestamp as a source of randomness or for deadlines that must be " +
		"exact to the second; tolerate drift (minutes rather than seconds) or use block numbers " +
		"with the same caution. Comparisons that only guard long durations (days) are acceptable.",
	Run: runTimestamp,
}

func init() { registry = append(registry, Timestamp) }

func runTimestamp(p *Pass) {
	prog := p.Program
	d := &ariDeriv{prog: prog, src: func(n ast.Node) bool { return ariIsTimestamp(prog, n) }, getters: true}
	d.init()
	ariBodies(p, func(b ariBody) {
		view := false
		if b.Fn != nil {
			f := prog.FunctionOf(b.Fn)
			view = f != nil && f.IsView()
		}
		done := map[ast.Node]bool{}
		report := func(cond ast.Expr) {
			var first ast.Node
			var related []RelatedNode
			ast.Inspect(cond, func(n ast.Node) bool {
				x, ok := n.(*ast.BinaryOperation)
				if !ok || !ariIsComparison(x.Op) || done[x] {
					return true
				}
				if d.DerivedBefore(x.X, x) || d.DerivedBefore(x.Y, x) {
					done[x] = true
					if first == nil {
						first = x
					} else {
						related = append(related, RelatedNode{At: x, Message: "also compares the timestamp"})
					}
				}
				return true
			})
			if first == nil {
				// A boolean computed from the timestamp earlier:
				// bool expired = now > deadline; if (!expired) …
				id, ok := ariStripNot(cond).(*ast.Identifier)
				if !ok || done[cond] || !d.Derived(id) {
					return
				}
				first = cond
			}
			done[cond] = true
			p.Report(Report{At: first, Function: b.Fn, Contract: b.Contract, Related: related,
				Message: b.Label() + " uses the block timestamp to decide control flow: `" + ariShort(first) + "`"})
		}
		if view {
			// A view function is not a transaction; only report time-based
			// boolean predicates (isOpen, isSaleFinished) that callers act on.
			if len(b.Fn.Returns) != 1 || prog.DeclType(b.Fn.Returns[0]).Kind != sema.Bool {
				return
			}
			inspectBody(p.Program, b.Body, func(n ast.Node) bool {
				if r, ok := n.(*ast.ReturnStatement); ok && r.Value != nil {
					if x, ok := unparen(r.Value).(*ast.BinaryOperation); ok && ariIsComparison(x.Op) && (d.Derived(x.X) || d.Derived(x.Y)) {
						report(r.Value)
					}
				}
				return true
			})
			return
		}
		ariConditionRoots(prog, b.Body, func(cond ast.Expr, _ ast.Node) { report(cond) })
	})
}
