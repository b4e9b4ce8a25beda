// Package sevm is a symbolic EVM: it runs a contract's creation code and
// then sequences of up to three transactions over symbolic inputs (calldata,
// caller, value, block time and number, balances, return data of external
// calls), looks for violations of security properties on every path, builds
// a concrete transaction sequence from the solver's model and replays it on
// go-ethereum's EVM (symbolic/replay). Only a replayed witness whose effect
// shows makes an issue Confirmed.
//
// External calls are not executed: the callee is arbitrary code, so success
// and return data are fresh symbols, and storage is assumed unchanged by the
// call. Re-entrancy is found as a pattern on the path (a gas-forwarding call
// to the attacker followed by a write of state read before it) and proven by
// the replay, which installs a real re-entering attacker contract.
package sevm

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// The fixed actors. The attacker never deployed anything.
var (
	DeployerAddr = common.HexToAddress("0xde91000000000000000000000000000000000001")
	AttackerAddr = common.HexToAddress("0xa77ac0000000000000000000000000000000bad")
	// AttackerEOA drives the attacker contract in re-entrancy replays.
	AttackerEOA = common.HexToAddress("0xa77ac000000000000000000000000000000000e0")
)

// Config bounds the exploration.
type Config struct {
	Budget        time.Duration // per contract; 0 = 60s
	MaxTxs        int           // attacker/actor transactions after deployment; 0 = 3
	LoopBound     int           // symbolic branches taken per pc and transaction; 0 = 4
	MaxSteps      int           // instructions per path and transaction; 0 = 200000
	MaxStates     int           // end states kept per depth; 0 = 24
	SolverTimeout time.Duration // per check; 0 = 3s
	// NewSolver makes the solver; nil = z3.
	NewSolver func(*smt.Ctx) (smt.Solver, error)
}

func (c Config) withDefaults() Config {
	if c.Budget <= 0 {
		c.Budget = 60 * time.Second
	}
	if c.MaxTxs <= 0 {
		c.MaxTxs = 3
	}
	if c.LoopBound <= 0 {
		c.LoopBound = 4
	}
	if c.MaxSteps <= 0 {
		c.MaxSteps = 200000
	}
	if c.MaxStates <= 0 {
		c.MaxStates = 24
	}
	if c.SolverTimeout <= 0 {
		c.SolverTimeout = 3 * time.Second
	}
	if c.NewSolver == nil {
		to := c.SolverTimeout
		c.NewSolver = func(ctx *smt.Ctx) (smt.Solver, error) {
			z, err := smt.NewZ3(ctx, smt.Z3Options{Timeout: to})
			if err != nil {
				return nil, err
			}
			return smt.NewModelCache(ctx, z), nil
		}
	}
	return c
}

// Stats says where the time went.
type Stats struct {
	Paths        int           // paths that ran to an end
	Txs          int           // transactions explored (per start state and function)
	Instructions int           // instructions executed
	SolverChecks int           // satisfiability checks
	ModelHits    int           // checks a recent model answered without the solver (smt.ModelCache)
	SolverTime   time.Duration // time spent in the solver, checks and models
	ReplayTime   time.Duration
	Elapsed      time.Duration
	TimedOut     bool // the budget ran out before the exploration finished
}

// Report is the outcome for one contract.
type Report struct {
	Contract string
	Issues   []*Issue
	Stats    Stats
}

// engine is one analysis of one contract.
type engine struct {
	ctx      *smt.Ctx
	solver   smt.Solver
	cfg      Config
	target   *Target
	deadline time.Time
	gctx     context.Context

	self, attacker, deployer *smt.Term
	runtime                  []byte

	work       []*pstate
	ownerSlots map[uint256.Int]bool
	issues     map[issueKey]*Issue
	attempts   map[issueKey]int
	order      []issueKey
	calls      int
	nfresh     int
	stats      Stats
}

type issueKey struct {
	prop Property
	pc   int
}

var errBudget = errors.New("budget exhausted")

func addrTerm(c *smt.Ctx, a common.Address) *smt.Term {
	return c.Const(new(uint256.Int).SetBytes(a.Bytes()))
}

// contractAddr is where the replay chain deploys: the deployer's first
// creation.
func contractAddr() common.Address { return crypto.CreateAddress(DeployerAddr, 0) }

func (e *engine) fresh(name string) *smt.Term {
	e.nfresh++
	return e.ctx.Var(name+"_"+itoa(e.nfresh), 256)
}

func (e *engine) timeUp() bool { return time.Now().After(e.deadline) }

// feasible reports whether s's path with extra is satisfiable. Unknown
// counts as feasible: dropping a path the solver could not decide would hide
// issues, and the replay weeds out what is not real.
func (e *engine) feasible(s *pstate, extra ...*smt.Term) bool {
	r, _ := e.check(s, extra...)
	return r != smt.Unsat
}

func (e *engine) assumptions(s *pstate, extra ...*smt.Term) ([]*smt.Term, bool) {
	out := make([]*smt.Term, 0, len(s.conds)+len(extra))
	for _, c := range append(append([]*smt.Term(nil), s.conds...), extra...) {
		if c.IsFalse() {
			return nil, false
		}
		if !c.IsTrue() {
			out = append(out, c)
		}
	}
	return out, true
}

func (e *engine) check(s *pstate, extra ...*smt.Term) (smt.Result, error) {
	as, ok := e.assumptions(s, extra...)
	if !ok {
		return smt.Unsat, nil
	}
	if len(as) == 0 {
		return smt.Sat, nil
	}
	start := time.Now()
	defer func() { e.stats.SolverTime += time.Since(start) }()
	e.stats.SolverChecks++
	ctx, cancel := context.WithDeadline(e.gctx, e.deadline.Add(time.Second))
	defer cancel()
	return e.solver.CheckAssuming(ctx, as...)
}

// concretize returns a concrete value of t below limit on s's path, fixing
// t to it (a path condition) when t is symbolic.
func (e *engine) concretize(s *pstate, t *smt.Term, limit int) (int, error) {
	if v, ok := t.Uint(); ok {
		if !v.IsUint64() || v.Uint64() > uint64(limit) {
			return 0, errDrop
		}
		return int(v.Uint64()), nil
	}
	bound := e.ctx.Ult(t, e.ctx.Uint(uint64(limit)+1))
	r, err := e.check(s, bound)
	if err != nil || r != smt.Sat {
		return 0, errDrop
	}
	vals, err := e.solver.Values(t)
	if err != nil {
		return 0, errDrop
	}
	s.assume(e.ctx.Eq(t, e.ctx.Const(vals[0])))
	return int(vals[0].Uint64()), nil
}

func itoa(i int) string {
	return uint256.NewInt(uint64(i)).Dec()
}
