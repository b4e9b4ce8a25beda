package sevm

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"

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
			st.Args = decodeArgs(tx.method, cd)
		}
		w.steps = append(w.steps, st)
	}
	if len(w.steps) == 0 {
		return nil, fmt.Errorf("sevm: empty witness")
	}
	return w, nil
}

// decodeArgs decodes calldata's arguments through the method's ABI; nil
// when they do not decode (a witness's calldata is always the canonical
// encoding the layout fixed, so that means an ABI the engine did not lay
// out, such as nested dynamic types with free calldata).
func decodeArgs(m *abi.Method, cd []byte) []string {
	if len(m.Inputs) == 0 || len(cd) < 4 {
		return nil
	}
	vals, err := m.Inputs.Unpack(cd[4:])
	if err != nil || len(vals) != len(m.Inputs) {
		return nil
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		name := m.Inputs[i].Name
		if name == "" {
			name = fmt.Sprintf("arg%d", i)
		}
		out[i] = name + ": " + formatArg(v)
	}
	return out
}

// formatArg writes a decoded ABI value as an auditor reads it: integers in
// decimal, addresses checksummed, bytes in hex.
func formatArg(v any) string {
	switch x := v.(type) {
	case *big.Int:
		return x.String()
	case common.Address:
		return x.Hex()
	case []byte:
		return "0x" + hex.EncodeToString(x)
	case string:
		return strconv.Quote(x)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 { // bytesN
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return "0x" + hex.EncodeToString(b)
		}
		fallthrough
	case reflect.Slice:
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = formatArg(rv.Index(i).Interface())
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
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
