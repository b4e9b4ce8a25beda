package sevm

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// witness is a concrete transaction sequence built from a model.
type witness struct {
	steps   []Step
	initBal *uint256.Int
	env     map[*smt.Term]*uint256.Int
	check   check
}

// witness reads the model the last Sat check left and builds the sequence.
func (e *engine) witness(p *pstate, cand candidate) (*witness, error) {
	c := e.ctx
	initBal := c.Var("initial_balance", 256)
	var ask []*smt.Term
	ask = append(ask, initBal)
	for _, tx := range p.txs {
		if tx.index == 0 {
			continue
		}
		ask = append(ask, tx.caller, tx.value, tx.time, tx.number, tx.cdsize)
		for _, v := range tx.cd {
			ask = append(ask, v)
		}
	}
	for _, t := range []*smt.Term{cand.check.slot, cand.check.value} {
		if t != nil {
			ask = append(ask, smt.Vars(t)...)
		}
	}
	ask = dedup(ask)
	vals, err := e.solver.Values(ask...)
	if err != nil {
		return nil, err
	}
	env := make(map[*smt.Term]*uint256.Int, len(ask))
	for i, t := range ask {
		env[t] = vals[i]
	}
	w := &witness{initBal: env[initBal], env: env, check: cand.check}
	for _, tx := range p.txs {
		if tx.index == 0 {
			continue
		}
		st := Step{
			From:   common.BytesToAddress(env[tx.caller].Bytes()),
			To:     contractAddr(),
			Value:  env[tx.value],
			Time:   env[tx.time].Uint64(),
			Number: env[tx.number].Uint64(),
		}
		n := int(env[tx.cdsize].Uint64())
		cd := make([]byte, n)
		for i := range cd {
			switch {
			case i < len(tx.selector):
				cd[i] = tx.selector[i]
			case tx.fixed != nil && tx.fixed[i] != 0:
				cd[i] = tx.fixed[i]
			case tx.cd[i] != nil:
				cd[i] = byte(env[tx.cd[i]].Uint64())
			}
		}
		st.Calldata = cd
		if tx.method != nil {
			st.Function = tx.method.Sig
		}
		w.steps = append(w.steps, st)
	}
	if len(w.steps) == 0 {
		return nil, fmt.Errorf("sevm: empty witness")
	}
	return w, nil
}

func dedup(ts []*smt.Term) []*smt.Term {
	seen := map[*smt.Term]bool{}
	out := ts[:0]
	for _, t := range ts {
		if t != nil && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// eval computes a check term under the witness.
func (w *witness) eval(c *smt.Ctx, t *smt.Term) (*uint256.Int, bool) {
	r, err := c.Eval(t, w.env)
	if err != nil {
		return nil, false
	}
	return r.Uint()
}
