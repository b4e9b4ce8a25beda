package sevm

import (
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// txInput is the symbolic input of one transaction of a sequence.
type txInput struct {
	index    int       // 0 = constructor
	caller   *smt.Term // 256-bit, an address
	value    *smt.Term
	time     *smt.Term
	number   *smt.Term
	cdsize   *smt.Term
	cd       map[int]*smt.Term // calldata byte index -> 8-bit variable
	selector []byte            // fixed selector, nil when free
	method   *abi.Method       // the ABI function the selector names
	maxLen   int               // calldata beyond maxLen reads as zero
	fixed    map[int]byte      // calldata bytes the ABI layout fixes
	lengths  []lengthWord      // dynamic-argument lengths and their bounds
	fallback bool              // empty calldata (receive/fallback)
	deployer bool              // sent by the deployer rather than the attacker
}

// cdByte returns calldata byte i of the transaction as a term.
func (t *txInput) cdByte(e *engine, i int) *smt.Term {
	c := e.ctx
	if i < len(t.selector) {
		return c.ConstW(u64(uint64(t.selector[i])), 8)
	}
	if b, ok := t.fixed[i]; ok {
		return c.ConstW(u64(uint64(b)), 8)
	}
	if t.fallback || i >= t.maxLen {
		return c.ConstW(u64(0), 8)
	}
	if v, ok := t.cd[i]; ok {
		if !t.cdsize.IsConst() {
			return c.Ite(c.Ult(c.Uint(uint64(i)), t.cdsize), v, c.ConstW(u64(0), 8))
		}
		return v
	}
	v := c.Var(fmt.Sprintf("tx%d_cd%d", t.index, i), 8)
	t.cd[i] = v
	if !t.cdsize.IsConst() {
		// Past a symbolic size, calldata reads as zero.
		return c.Ite(c.Ult(c.Uint(uint64(i)), t.cdsize), v, c.ConstW(u64(0), 8))
	}
	return v
}

// lengthWord is the calldata word holding a dynamic argument's length.
type lengthWord struct{ pos, max int }

// callFlag is the success flag of one CALL on a path.
type callFlag struct {
	pc      int
	flag    *smt.Term
	target  *smt.Term
	checked bool
}

// candidate is a property violation a path may reach; it is decided (and a
// witness built) when the transaction ends the way the property needs.
type candidate struct {
	prop  Property
	pc    int
	cond  *smt.Term // extra condition on top of the path's
	msg   string
	check check // what the replay must show
	// near are the pcs of the jumps the path took just before, newest
	// first: where the issue is placed in the source when pc has no source
	// range (the shared Panic helper solc 0.8 generates has none; the jump
	// into it is the assert's).
	near []int
}

// trailLen is how many recent jumps a path remembers for placing issues.
const trailLen = 8

// overflow is an arithmetic operation that may wrap.
type overflow struct {
	pc   int
	cond *smt.Term
	op   string
}

// pstate is one path: the machine state of the current transaction and the
// world state and inputs of the sequence so far. Forks copy it.
type pstate struct {
	// Sequence.
	txs     []*txInput
	conds   []*smt.Term
	storage *smt.Term // this contract's storage (array)
	balance *smt.Term // this contract's balance
	atkIn   *smt.Term // wei the attacker received
	atkOut  *smt.Term // wei the attacker sent
	changed bool      // storage or balance changed in this transaction

	// Current transaction.
	tx        *txInput
	code      []byte
	jumpdests []bool
	pc        int
	stack     []*smt.Term
	mem       memory
	ret       []*smt.Term // return data of the last call
	transient *smt.Term
	visits    map[int]int
	loaded    map[*smt.Term]bool
	loadedVal map[*smt.Term]uint256.Int // value loaded -> its (constant) slot
	gainPC    int                       // pc of the last transfer that may pay the attacker in this transaction, -1 if none
	callPC    int                       // pc of a gas-forwarding call to an attacker-controlled address, -1 if none
	loadedPre map[*smt.Term]bool
	flags     []callFlag
	overflows map[*smt.Term]overflow
	cands     []candidate
	trail     [trailLen]int // pcs of the last jumps, a ring indexed by njumps
	njumps    int
	output    []*smt.Term // RETURN data
	halted    bool
	reverted  bool
}

func (s *pstate) push(t *smt.Term) error {
	if len(s.stack) >= 1024 {
		return errStack
	}
	s.stack = append(s.stack, t)
	return nil
}

func (s *pstate) pop() *smt.Term {
	t := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	return t
}

// nearJumps lists the pcs of the path's recent jumps in this
// transaction, newest first.
func (s *pstate) nearJumps() []int {
	n := min(s.njumps, trailLen)
	out := make([]int, n)
	for i := range out {
		out[i] = s.trail[(s.njumps-1-i)%trailLen]
	}
	return out
}

func (s *pstate) peek(i int) *smt.Term { return s.stack[len(s.stack)-1-i] }

func copyMap[K comparable, V any](m map[K]V) map[K]V {
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// fork returns an independent copy of s.
func (s *pstate) fork() *pstate {
	c := *s
	c.txs = append([]*txInput(nil), s.txs...)
	c.conds = append([]*smt.Term(nil), s.conds...)
	c.stack = append([]*smt.Term(nil), s.stack...)
	c.mem = s.mem.clone()
	c.ret = append([]*smt.Term(nil), s.ret...)
	c.visits = copyMap(s.visits)
	c.loaded = copyMap(s.loaded)
	c.loadedVal = copyMap(s.loadedVal)
	c.loadedPre = copyMap(s.loadedPre)
	c.flags = append([]callFlag(nil), s.flags...)
	c.overflows = copyMap(s.overflows)
	c.cands = append([]candidate(nil), s.cands...)
	return &c
}

// assume adds a path condition; false conditions are kept so the path is
// recognised as infeasible.
func (s *pstate) assume(t *smt.Term) {
	if t.IsTrue() {
		return
	}
	s.conds = append(s.conds, t)
}

func (s *pstate) infeasible() bool {
	for _, c := range s.conds {
		if c.IsFalse() {
			return true
		}
	}
	return false
}
