package sevm

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// Target is the code under analysis.
type Target struct {
	Name     string
	Creation []byte   // creation code; nil = start from Runtime with empty storage
	Runtime  []byte   // deployed code (used when the constructor's output is not concrete)
	ABI      *abi.ABI // nil = calldata fully symbolic
	// Source maps a runtime pc to source; nil when unknown.
	Source func(pc int) (file string, offset, length int, ok bool)
	// Def gives the id of the compiler's AST definition (function,
	// modifier or contract) around a source offset; nil when unknown.
	Def func(file string, offset int) (id int, ok bool)
}

// Bounds of the symbolic environment, matching what the replay can realise.
var (
	genesisTime   = uint64(1_700_000_000)
	genesisNumber = uint64(19_000_000)
	maxValue      = new(uint256.Int).Mul(uint256.NewInt(100), uint256.NewInt(1e18))
)

// AnalyzeTarget explores t and reports the issues it finds.
func AnalyzeTarget(ctx context.Context, t *Target, cfg Config) (rep *Report, err error) {
	// Bytecode is untrusted input: an engine bug it triggers becomes an
	// error for this contract, not a crash of the whole scan.
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("sevm: internal error analysing %s: %v", t.Name, r)
		}
	}()
	if t == nil || (len(t.Creation) == 0 && len(t.Runtime) == 0) {
		return nil, errors.New("sevm: no code to analyze")
	}
	cfg = cfg.withDefaults()
	c := smt.NewCtx()
	solver, err := cfg.NewSolver(c)
	if err != nil {
		return nil, err
	}
	defer solver.Close()
	start := time.Now()
	e := &engine{
		ctx: c, solver: solver, cfg: cfg, target: t, gctx: ctx,
		deadline:   start.Add(cfg.Budget),
		self:       addrTerm(c, contractAddr()),
		attacker:   addrTerm(c, AttackerAddr),
		deployer:   addrTerm(c, DeployerAddr),
		runtime:    t.Runtime,
		ownerSlots: map[uint256.Int]bool{},
		issues:     map[issueKey]*Issue{},
		attempts:   map[issueKey]int{},
	}
	if d, ok := ctx.Deadline(); ok && d.Before(e.deadline) {
		e.deadline = d
	}
	e.explore()
	e.stats.Elapsed = time.Since(start)
	if mc, ok := solver.(interface{ Hits() int }); ok {
		e.stats.ModelHits = mc.Hits()
	}
	rep = &Report{Contract: t.Name, Stats: e.stats}
	for _, k := range e.order {
		rep.Issues = append(rep.Issues, e.issues[k])
	}
	sort.SliceStable(rep.Issues, func(i, j int) bool { return rep.Issues[i].PC < rep.Issues[j].PC })
	return rep, nil
}

// explore runs the constructor, then breadth-first sequences of
// transactions from each distinct state the previous depth left.
func (e *engine) explore() {
	c := e.ctx
	base := &pstate{
		storage: c.ConstArray(c.Uint(0)),
		balance: c.Uint(0),
		atkIn:   c.Uint(0),
		atkOut:  c.Uint(0),
	}
	var states []*pstate
	if len(e.target.Creation) > 0 {
		ctor := e.newTx(base, 0, nil, false)
		ctor.caller = e.deployer
		ctor.value = c.Uint(0)
		code := append(append([]byte(nil), e.target.Creation...), make([]byte, 32*e.ctorArgs())...)
		states = e.runTx(base, ctor, code)
		if len(states) == 0 {
			return
		}
	} else {
		states = []*pstate{base}
	}
	// Ether others deposited before the attacker arrives.
	initBal := c.Var("initial_balance", 256)
	for _, s := range states {
		s.balance = c.Add(s.balance, initBal)
		s.conds = append(s.conds, c.Ule(initBal, c.Const(maxValue)))
	}
	variants := e.variants()
	for depth := 1; depth <= e.cfg.MaxTxs && len(states) > 0; depth++ {
		var next []*pstate
		for _, st := range states {
			// The caller is concrete per transaction (the attacker, or the
			// deployer as another actor): mapping keys derived from it then
			// fold to constants and the solver sees far less keccak.
			for _, deployer := range []bool{false, true} {
				for _, v := range variants {
					if e.timeUp() || e.gctx.Err() != nil {
						e.stats.TimedOut = true
						return
					}
					tx := e.newTx(st, depth, v.method, v.fallback)
					tx.caller, tx.deployer = e.attacker, deployer
					if deployer {
						tx.caller = e.deployer
					}
					next = append(next, e.runTx(st, tx, e.runtime)...)
				}
			}
		}
		if len(next) > e.cfg.MaxStates {
			next = next[:e.cfg.MaxStates]
		}
		states = next
	}
}

type variant struct {
	method   *abi.Method
	fallback bool
}

// variants lists the calls a transaction can make: each ABI function (the
// selector fixed, arguments symbolic) and the fallback/receive function.
func (e *engine) variants() []variant {
	a := e.target.ABI
	if a == nil || len(a.Methods) == 0 {
		if a != nil && !a.HasFallback() && !a.HasReceive() {
			return nil
		}
		return []variant{{}}
	}
	names := make([]string, 0, len(a.Methods))
	for n := range a.Methods {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []variant
	for _, n := range names {
		m := a.Methods[n]
		if m.IsConstant() {
			continue // view functions change nothing
		}
		out = append(out, variant{method: &m})
	}
	if a.HasFallback() || a.HasReceive() {
		out = append(out, variant{fallback: true})
	}
	return out
}

func (e *engine) ctorArgs() int {
	if e.target.ABI == nil {
		return 0
	}
	n, _ := headSize(e.target.ABI.Constructor.Inputs)
	return n / 32
}

// headSize is the ABI head of args in bytes and whether any is dynamic.
func headSize(args abi.Arguments) (int, bool) {
	n, dyn := 0, false
	for _, a := range args {
		s, d := typeSize(a.Type)
		n += s
		dyn = dyn || d
	}
	return n, dyn
}

func typeSize(t abi.Type) (int, bool) {
	switch t.T {
	case abi.StringTy, abi.BytesTy, abi.SliceTy:
		return 32, true
	case abi.ArrayTy:
		s, d := typeSize(*t.Elem)
		if d {
			return 32, true
		}
		return s * t.Size, false
	case abi.TupleTy:
		n, dyn := 0, false
		for _, el := range t.TupleElems {
			s, d := typeSize(*el)
			n += s
			dyn = dyn || d
		}
		if dyn {
			return 32, true
		}
		return n, false
	}
	return 32, false
}

// newTx makes the symbolic inputs of transaction index after state st.
func (e *engine) newTx(st *pstate, index int, m *abi.Method, fallback bool) *txInput {
	c := e.ctx
	name := func(s string) string { return fmt.Sprintf("tx%d_%s", index, s) }
	tx := &txInput{index: index, cd: map[int]*smt.Term{}, method: m, fallback: fallback}
	tx.caller = c.Var(name("caller"), 256)
	tx.value = c.Var(name("value"), 256)
	tx.time = c.Var(name("time"), 256)
	tx.number = c.Var(name("number"), 256)
	switch {
	case fallback || index == 0:
		tx.cdsize = c.Uint(0)
		tx.fallback = true
	case m != nil:
		tx.selector = m.ID
		if !e.layout(tx, m.Inputs) {
			head, _ := headSize(m.Inputs)
			tx.maxLen = 4 + head + 32*8
			tx.cdsize = c.Var(name("cdsize"), 256)
		}
	default:
		tx.maxLen = 4 + 32*8
		tx.cdsize = c.Var(name("cdsize"), 256)
	}
	return tx
}

// Bounds of dynamic arguments in the canonical layout.
const (
	maxBytesLen = 64 // bytes and string
	maxArrayLen = 3  // elements of a dynamic array
)

// layout fixes the canonical ABI encoding of the arguments: the heads of
// dynamic arguments point where abi.encode puts their tails, and each tail
// reserves room for a bounded length. Only the lengths and the values stay
// symbolic, so the decoder's offset arithmetic stays concrete. It returns
// false for nested dynamic types, which keep fully symbolic calldata.
func (e *engine) layout(tx *txInput, args abi.Arguments) bool {
	head, _ := headSize(args)
	tx.fixed = map[int]byte{}
	pos, tail := 4, head
	for _, a := range args {
		size, dyn := typeSize(a.Type)
		if !dyn {
			pos += size
			continue
		}
		var reserve, bound int
		switch a.Type.T {
		case abi.StringTy, abi.BytesTy:
			reserve, bound = maxBytesLen, maxBytesLen
		case abi.SliceTy:
			es, edyn := typeSize(*a.Type.Elem)
			if edyn {
				return false
			}
			reserve, bound = maxArrayLen*es, maxArrayLen
		default:
			return false
		}
		off := u64(uint64(tail)).Bytes32()
		for i := 0; i < 32; i++ {
			tx.fixed[pos+i] = off[i]
		}
		tx.lengths = append(tx.lengths, lengthWord{pos: 4 + tail, max: bound})
		pos += 32
		tail += 32 + reserve
	}
	tx.maxLen = 4 + tail
	tx.cdsize = e.ctx.Uint(uint64(tx.maxLen))
	return true
}

// txConstraints bounds tx's inputs to what a real transaction can carry.
func (e *engine) txConstraints(st *pstate, tx *txInput) []*smt.Term {
	c := e.ctx
	out := []*smt.Term{
		c.BOr(c.Eq(tx.caller, e.attacker), c.Eq(tx.caller, e.deployer)),
		c.Ule(tx.value, c.Const(maxValue)),
		c.Ule(c.Uint(genesisTime), tx.time), c.Ult(tx.time, c.Uint(genesisTime+10*365*86400)),
		c.Ule(c.Uint(genesisNumber), tx.number), c.Ult(tx.number, c.Uint(genesisNumber+100_000_000)),
	}
	if len(st.txs) > 0 {
		prev := st.txs[len(st.txs)-1]
		out = append(out, c.Ule(prev.time, tx.time), c.Ule(prev.number, tx.number))
	}
	if tx.method != nil && !tx.method.IsPayable() || (tx.fallback && tx.index > 0 && e.target.ABI != nil && !e.target.ABI.HasReceive() && !e.target.ABI.Fallback.IsPayable()) {
		out = append(out, c.Eq(tx.value, c.Uint(0)))
	}
	for _, l := range tx.lengths {
		bs := make([]*smt.Term, 32)
		for i := range bs {
			bs[i] = tx.cdByte(e, l.pos+i)
		}
		out = append(out, c.Ule(wordOf(c, bs), c.Uint(uint64(l.max))))
	}
	if !tx.cdsize.IsConst() {
		out = append(out, c.Ule(c.Uint(uint64(4)), tx.cdsize), c.Ule(tx.cdsize, c.Uint(uint64(tx.maxLen))))
	}
	return out
}

// runTx runs tx from state st over code and returns the states of the paths
// that completed and changed something.
func (e *engine) runTx(st *pstate, tx *txInput, code []byte) []*pstate {
	c := e.ctx
	e.stats.Txs++
	s := &pstate{
		txs:       append(append([]*txInput(nil), st.txs...), tx),
		conds:     append(append([]*smt.Term(nil), st.conds...), e.txConstraints(st, tx)...),
		storage:   st.storage,
		balance:   c.Add(st.balance, tx.value),
		atkIn:     st.atkIn,
		atkOut:    c.Add(st.atkOut, c.Ite(c.Eq(tx.caller, e.attacker), tx.value, c.Uint(0))),
		tx:        tx,
		code:      code,
		jumpdests: jumpdests(code),
		transient: c.ConstArray(c.Uint(0)),
		visits:    map[int]int{},
		loaded:    map[*smt.Term]bool{},
		loadedVal: map[*smt.Term]uint256.Int{},
		overflows: map[*smt.Term]overflow{},
		callPC:    -1,
		gainPC:    -1,
	}
	// No feasibility check here: the new constraints only bound the
	// transaction's fresh inputs, which a feasible state always admits.
	e.work = []*pstate{s}
	var out []*pstate
	for len(e.work) > 0 {
		p := e.work[len(e.work)-1]
		e.work = e.work[:len(e.work)-1]
		if p.infeasible() {
			continue
		}
		err := e.step(p)
		e.stats.Paths++
		switch {
		case errors.Is(err, errBudget):
			e.stats.TimedOut = true
			e.work = nil
			return out
		case errors.Is(err, errDrop):
			continue
		case err != nil: // exceptional halt
			e.decideAll(p, func(k checkKind) bool { return k == checkInvalid })
		case p.reverted:
			e.decideAll(p, func(k checkKind) bool { return k == checkPanic })
		default:
			if end := e.finish(p); end != nil {
				out = append(out, end)
			}
		}
	}
	return out
}

// step runs p until it halts.
func (e *engine) step(p *pstate) error {
	for n := 0; ; n++ {
		if n&1023 == 0 && (e.timeUp() || e.gctx.Err() != nil) {
			return errBudget
		}
		if n > e.cfg.MaxSteps {
			return errDrop
		}
		if p.pc >= len(p.code) {
			p.halted = true
			return nil
		}
		op := table[p.code[p.pc]]
		e.stats.Instructions++
		if op == nil {
			return errInvalid
		}
		if len(p.stack) < op.pops {
			return errStack
		}
		if c := vm.OpCode(p.code[p.pc]); c == vm.JUMP || c == vm.JUMPI {
			p.trail[p.njumps%trailLen] = p.pc
			p.njumps++
		}
		if err := op.exec(e, p); err != nil {
			return err
		}
		if p.halted {
			return nil
		}
		p.pc++
	}
}

// finish handles a path whose transaction completed: the candidates that
// need a successful transaction are decided, and the state is returned for
// the next transaction when the transaction changed something.
func (e *engine) finish(p *pstate) *pstate {
	c := e.ctx
	tx := p.tx
	if tx.index == 0 {
		e.runtime = e.deployedCode(p)
		e.decideAll(p, func(checkKind) bool { return true })
		return p
	}
	if p.gainPC >= 0 {
		e.addCandidate(p, candidate{prop: EtherTheft, pc: p.gainPC, cond: c.BAnd(e.onlyAttacker(p), c.Ult(p.atkOut, p.atkIn)),
			msg: "the attacker receives more ether than it sent", check: check{kind: checkEther}})
	}
	for _, f := range p.flags {
		if !f.checked {
			e.addCandidate(p, candidate{prop: UncheckedCall, pc: f.pc,
				cond:  c.BAnd(c.BNot(f.flag), c.Eq(f.target, e.attacker)),
				msg:   "the success flag of an external call is never checked: a failed call goes unnoticed",
				check: check{kind: checkUnchecked}})
		}
	}
	e.decideAll(p, func(k checkKind) bool { return k != checkPanic && k != checkInvalid })
	if !p.changed {
		return nil
	}
	return p
}

// deployedCode is what the constructor returned, when concrete.
func (e *engine) deployedCode(p *pstate) []byte {
	out := make([]byte, len(p.output))
	for i, b := range p.output {
		v, ok := b.Uint()
		if !ok {
			return e.target.Runtime
		}
		out[i] = byte(v.Uint64())
	}
	if len(out) == 0 {
		return e.target.Runtime
	}
	return out
}

// jumpdests marks the JUMPDEST bytes that are not PUSH data.
func jumpdests(code []byte) []bool {
	d := make([]bool, len(code))
	for i := 0; i < len(code); i++ {
		op := vm.OpCode(code[i])
		if op == vm.JUMPDEST {
			d[i] = true
		} else if op >= vm.PUSH1 && op <= vm.PUSH32 {
			i += int(op - vm.PUSH0)
		}
	}
	return d
}
