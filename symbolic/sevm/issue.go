package sevm

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// Issue is one property violation with its witness.
type Issue struct {
	Property Property
	Contract string
	PC       int // runtime pc (the constructor's for issues in it)
	// Source range of PC, when the target has a source map.
	File           string
	Offset, Length int
	// ASTNode is the id of the compiler's AST definition (function,
	// modifier or contract) holding that range; -1 when unknown.
	ASTNode int
	Message string
	Witness []Step
	// InitialBalance is the ether the contract holds from others before the
	// witness starts (the replay credits it after deployment).
	InitialBalance *uint256.Int
	// Constructor: PC is in the creation code.
	Constructor bool
	// Confirmed: the witness was replayed on go-ethereum's EVM and showed
	// the effect. Replayed says a replay ran at all.
	Confirmed bool
	Replayed  bool
	// Why the replay did not confirm, when it did not.
	ReplayNote string
}

// Step is one transaction of a witness.
type Step struct {
	From, To common.Address
	Value    *uint256.Int
	Calldata []byte
	Function string // "withdraw(uint256)", "" for the fallback/constructor
	// Args are the calldata's arguments decoded through the ABI, one
	// "name: value" each ("amount: 1000000000000000000"; unnamed ones are
	// "arg0", …), in order; nil for the fallback or undecodable calldata.
	Args   []string
	Time   uint64 // block timestamp the replay used
	Number uint64
	// ViaAttackerContract: sent through the re-entering attacker contract
	// at From, driven by AttackerEOA.
	ViaAttackerContract bool
}

type checkKind int

const (
	checkEther checkKind = iota + 1
	checkSelfdestruct
	checkStore // a store at slot (of value, when set; with Old != New when changed)
	checkDelegate
	checkPanic
	checkInvalid
	checkReentrancy
	checkUnchecked
)

// check is what the replay must show for a candidate.
type check struct {
	kind    checkKind
	slot    *smt.Term
	value   *smt.Term
	changed bool
	// wrapPC, when wraps is set, is the runtime pc of an ADD/SUB/MUL that
	// must wrap around in the replay (an overflow is only confirmed when
	// the EVM's arithmetic did overflow, not merely when the value landed).
	wraps  bool
	wrapPC int
}

func (e *engine) settled(p Property, pc int) bool {
	k := issueKey{p, pc}
	if is, ok := e.issues[k]; ok && is.Confirmed {
		return true
	}
	return e.attempts[k] >= 3
}

// decideAll decides the path's candidates that want this kind of ending.
func (e *engine) decideAll(p *pstate, want func(checkKind) bool) {
	for _, cand := range p.cands {
		if want(cand.check.kind) {
			e.decide(p, cand)
		}
	}
}

// decide asks the solver for a model of the path plus the candidate's
// condition, turns it into a witness and replays it.
func (e *engine) decide(p *pstate, cand candidate) {
	k := issueKey{cand.prop, cand.pc}
	if e.settled(cand.prop, cand.pc) || e.timeUp() {
		return
	}
	r, err := e.check(p, cand.cond)
	if err != nil || r != smt.Sat {
		return
	}
	e.attempts[k]++
	w, err := e.witness(p, cand)
	if err != nil {
		return
	}
	is := &Issue{Property: cand.prop, Contract: e.target.Name, PC: cand.pc, Message: cand.msg, Witness: w.steps,
		InitialBalance: w.initBal, Constructor: p.tx.index == 0, ASTNode: -1}
	if e.target.Source != nil && p.tx.index > 0 {
		// The issue's own pc first, then the jumps that led to it.
		for _, pc := range append([]int{cand.pc}, cand.near...) {
			if f, off, n, ok := e.target.Source(pc); ok {
				is.File, is.Offset, is.Length = f, off, n
				if e.target.Def != nil {
					if id, ok := e.target.Def(f, off); ok {
						is.ASTNode = id
					}
				}
				break
			}
		}
	}
	e.replay(is, w)
	if old, ok := e.issues[k]; ok && old.Confirmed {
		return
	}
	if _, ok := e.issues[k]; !ok {
		e.order = append(e.order, k)
	}
	e.issues[k] = is
}
