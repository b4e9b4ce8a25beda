package analyzers

import (
	"math/big"

	"github.com/sleuth-sec/sleuth/analyzers/sema"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// WeakPRNG flags block values used as randomness.
var WeakPRNG = &Analyzer{
	ID:         "weak-prng",
	Title:      "Weak randomness from block values",
	Severity:   High,
	Confidence: ConfidenceMedium,
	Category:   CatBadRandomness,
	SWC:        "SWC-120",
	CWE:        []string{"CWE-330"},
	Description: "block.timestamp, block.number, block.difficulty/prevrandao, block.coinbase and blockhash are " +
		"known to every transaction in the block and partly chosen by its proposer. Reducing them " +
		"modulo a number, or hashing them and comparing the hash, gives a \"random\" value that anyone " +
		"can compute before acting.",
	Exploit: "A lottery picks `winner = players[uint(keccak256(abi.encodePacked(block.timestamp, block.difficulty))) % n]`. " +
		"An attacker's contract computes the same expression in the same block and only buys a ticket " +
		"(or only calls the draw) when it wins; a block proposer can also choose the timestamp.",
	Recommendation: "Use a verifiable randomness source (Chainlink VRF, a RANDAO with commit-reveal, drand) " +
		"and never derive outcomes with value from block data.",
	Run: runWeakPRNG,
}

func init() { registry = append(registry, WeakPRNG) }

func runWeakPRNG(p *Pass) {
	prog := p.Program
	all := p.blockDerivation()
	nonTime := newAriDeriv(prog, func(n ast.Node) bool {
		v := ariBlockValue(prog, n)
		return v != "" && v != "now" && v != "block.timestamp"
	}, true, nil)
	owners := newAriOwners(prog)

	type sink struct {
		at    ast.Node
		stmt  ast.Node
		owner ariBody
	}
	reportedStmts := map[ast.Node]bool{}
	var hashes []sink
	ariBodies(p, func(b ariBody) {
		inspectBody(p.Program, b.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BinaryOperation:
				if x.Op == "%" && all.Derived(x.X) && !ariTimeBucket(p, nonTime, x.X, x.Y) {
					reportedStmts[ariStmtOf(b.Parents, x)] = true
					p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
						Message: b.Label() + " derives a number from block data with `" + ariShort(x) +
							"`: " + ariShort(all.Witness(x.X)) + " is known to miners and to every transaction in the block"})
				}
			case *ast.Assignment:
				if x.Op == "%=" && all.Derived(x.LHS) {
					reportedStmts[ariStmtOf(b.Parents, x)] = true
					p.Report(Report{At: x, Function: b.Fn, Contract: b.Contract,
						Message: b.Label() + " derives a number from block data with `" + ariShort(x) + "`"})
				}
			case *ast.FunctionCall:
				if IsBuiltinCall(prog, x, "keccak256", "sha3", "sha256", "ripemd160") && len(x.Args) > 0 {
					for _, a := range x.Args {
						if all.Derived(a) {
							hashes = append(hashes, sink{at: x, stmt: ariStmtOf(b.Parents, x), owner: b})
							return false // the outermost hash is the generator
						}
					}
				} else if ariBlockValue(prog, x) == "blockhash" {
					hashes = append(hashes, sink{at: x, stmt: ariStmtOf(b.Parents, x), owner: b})
				}
			}
			return true
		})
	})
	// Block-derived hashes (and raw blockhashes) that decide a comparison.
	for _, h := range hashes {
		if reportedStmts[h.stmt] {
			continue
		}
		target := h.at
		hd := newAriDeriv(prog, func(n ast.Node) bool { return n == target }, true, nil)
		var use ast.Node
		ariBodies(p, func(b ariBody) {
			if use != nil {
				return
			}
			// A comparison in a view function pays nobody: it verifies
			// (block headers), it does not draw.
			if b.Fn != nil {
				if f := prog.FunctionOf(b.Fn); f != nil && f.IsView() {
					return
				}
			}
			inspectBody(p.Program, b.Body, func(n ast.Node) bool {
				if use != nil {
					return false
				}
				switch x := n.(type) {
				case *ast.BinaryOperation:
					if !ariIsComparison(x.Op) {
						return true
					}
					for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
						// `h % n == k` is reported at the modulo already.
						// Comparing with the hash of supplied data verifies
						// it (block headers); it does not draw a number.
						// Nor is a digest checked against a signature
						// (signer == ecrecover(digest, v, r, s)).
						if hd.Derived(pair[0]) && !hd.Derived(pair[1]) && !ariIsZero(p, pair[1]) && !ariHasModulo(pair[0]) && !ariHashesData(p, pair[1]) && !ariLocalHashesData(p, b.Body, pair[1]) &&
							!ariRecoversSigner(p, pair[0], 3) {
							use = x
						}
					}
				}
				return true
			})
		})
		if use == nil || !owners.InScope(h.at) {
			continue
		}
		reportedStmts[h.stmt] = true
		p.Report(Report{At: h.at, Function: h.owner.Fn, Contract: h.owner.Contract,
			Related: []RelatedNode{{At: use, Message: "the block-derived value decides this comparison"}},
			Message: h.owner.Label() + " uses `" + ariShort(h.at) + "`, computed from block data, as randomness: it is compared in `" +
				ariShort(use) + "`"})
	}
}

// ariStmtOf returns the statement enclosing n.
func ariStmtOf(parents map[ast.Node]ast.Node, n ast.Node) ast.Node {
	cur := n
	for cur != nil {
		if _, ok := cur.(ast.Stmt); ok {
			return cur
		}
		cur = parents[cur]
	}
	return n
}

// ariIsZero matches 0, bytes32(0), address(0).
func ariIsZero(p *Pass, e ast.Expr) bool {
	v, ok := ariConstValue(p.Program, e)
	return ok && v.Sign() == 0
}

// ariTimeBucket recognises time arithmetic rather than randomness: only
// the timestamp is involved and the modulus is a time unit or a large
// power of two (uint32(block.timestamp % 2**32)), or the timestamp was
// divided by a time unit first (hour of the day, day of the week).
func ariTimeBucket(p *Pass, nonTime *ariDeriv, x, mod ast.Expr) bool {
	if nonTime.Derived(x) {
		return false
	}
	// (block.timestamp / 1 days + 4) % 7: a calendar computation.
	if Contains(x, func(n ast.Node) bool {
		d, ok := n.(*ast.BinaryOperation)
		return ok && d.Op == "/" && ariIsTimeUnit(p, d.Y)
	}) {
		return true
	}
	return ariIsTimeUnit(p, mod)
}

// ariIsTimeUnit matches durations (1 days, 3600, 86400 …) and large powers
// of two (uint32 truncation).
func ariIsTimeUnit(p *Pass, mod ast.Expr) bool {
	v, ok := ariConstValue(p.Program, mod)
	if !ok {
		return false
	}
	if l, isLit := unparen(mod).(*ast.Literal); isLit && l.Unit != "" && l.Unit != "wei" && l.Unit != "ether" {
		return true
	}
	for _, unit := range []int64{60, 3600, 86400, 604800, 31536000} {
		if v.Cmp(big.NewInt(unit)) == 0 {
			return true
		}
	}
	// 2**k with k >= 8.
	return v.BitLen() > 8 && new(big.Int).And(v, new(big.Int).Sub(v, big.NewInt(1))).Sign() == 0
}

// ariHasModulo reports expressions containing a % operation.
func ariHasModulo(e ast.Expr) bool {
	return Contains(e, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryOperation)
		return ok && b.Op == "%"
	})
}

// ariHashesData reports expressions that hash something.
func ariHashesData(p *Pass, e ast.Expr) bool {
	return Contains(e, func(n ast.Node) bool {
		c, ok := n.(*ast.FunctionCall)
		return ok && IsBuiltinCall(p.Program, c, "keccak256", "sha3", "sha256", "ripemd160")
	})
}

// ariLocalHashesData reports a local whose every definition in body hashes
// something: `bytes32 paramsHash = keccak256(...); require(stored ==
// paramsHash)` checks a commitment exactly as the inline form does.
func ariLocalHashesData(p *Pass, body ast.Node, e ast.Expr) bool {
	id, ok := unparen(e).(*ast.Identifier)
	if !ok {
		return false
	}
	v := LocalRef(p.Program, id)
	if v == nil {
		return false
	}
	defs, hashing := 0, 0
	def := func(value ast.Expr) {
		defs++
		if value != nil && ariHashesData(p, value) {
			hashing++
		}
	}
	inspectBody(p.Program, body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.VariableDeclarationStatement:
			for _, d := range x.Decls {
				switch {
				case d != v || (len(x.Decls) == 1 && x.Value == nil):
					// `bytes32 h;` alone defines nothing yet
				case len(x.Decls) == 1:
					def(x.Value)
				default:
					def(nil) // a tuple element: not followed
				}
			}
		case *ast.Assignment:
			if LocalRef(p.Program, unparen(x.LHS)) == v {
				if x.Op == "=" {
					def(x.RHS)
				} else {
					def(nil)
				}
			}
		}
		return true
	})
	return defs > 0 && defs == hashing
}

// ariRecoversSigner reports expressions that recover a signer: ecrecover,
// or a call of a function whose body (followed depth calls deep) does.
func ariRecoversSigner(p *Pass, e ast.Node, depth int) bool {
	return Contains(e, func(n ast.Node) bool {
		c, ok := n.(*ast.FunctionCall)
		if !ok {
			return false
		}
		if IsBuiltinCall(p.Program, c, "ecrecover") {
			return true
		}
		if depth == 0 {
			return false
		}
		call := p.Program.CallOf(c)
		if call == nil || call.Callee == nil || call.Callee.Body == nil {
			return false
		}
		switch call.Kind {
		case sema.CallInternal, sema.CallLibrary:
			return ariRecoversSigner(p, call.Callee.Body, depth-1)
		}
		return false
	})
}
