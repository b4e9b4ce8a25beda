// Package replay runs transactions concretely on go-ethereum's EVM over an
// in-memory state. The symbolic engine uses it to confirm its witnesses: a
// finding is only "confirmed" when the transaction sequence it found does, on
// the real EVM, what the property claims.
package replay

import (
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/triedb"
	"github.com/holiman/uint256"
)

// DefaultGas is the gas limit of a transaction whose Tx.Gas is 0.
const DefaultGas = 10_000_000

// The block a fresh chain starts at: a plausible mainnet-like time and height,
// so contracts comparing block.timestamp or block.number with constants behave
// as they would on a live chain.
const (
	genesisTime   = 1_700_000_000
	genesisNumber = 19_000_000
)

// cancunConfig enables every fork up to and including Cancun and nothing
// after it: the rules the issue names, and the ones solc 0.8.24+ targets.
var cancunConfig = func() *params.ChainConfig {
	c := *params.MergedTestChainConfig
	c.PragueTime, c.OsakaTime, c.BogotaTime, c.UBTTime = nil, nil, nil, nil
	c.BlobScheduleConfig = &params.BlobScheduleConfig{Cancun: params.DefaultCancunBlobConfig}
	return &c
}()

// Chain is an in-memory EVM chain: one state, one current block whose time and
// number the caller can move, and transactions applied one after another.
// A Chain is not safe for concurrent use.
type Chain struct {
	state  *state.StateDB
	time   uint64
	number uint64
}

// Tx is one transaction sent with Send.
type Tx struct {
	From, To     common.Address
	Value        *uint256.Int // nil = 0
	Data         []byte
	Gas          uint64 // 0 = 10M
	Time, Number uint64 // 0 = keep the chain's current block values
}

// Result is the outcome of one transaction.
type Result struct {
	Return   []byte
	Reverted bool
	Err      error // the EVM error (revert, invalid opcode, out of gas…), nil on success
	GasUsed  uint64
	Trace    Trace
}

// New returns an empty chain under Cancun rules.
func New() *Chain {
	disk := rawdb.NewMemoryDatabase()
	db := state.NewMPTDatabase(triedb.NewDatabase(disk, nil), state.NewCodeDB(disk))
	sdb, err := state.New(common.Hash{}, db)
	if err != nil {
		// An empty in-memory trie cannot fail to open; if it does the
		// go-ethereum API changed under us.
		panic("replay: opening an empty in-memory state: " + err.Error())
	}
	return &Chain{state: sdb, time: genesisTime, number: genesisNumber}
}

// Clone returns an independent copy of the chain: the symbolic engine can
// replay several witnesses from one deployed state.
func (c *Chain) Clone() *Chain {
	return &Chain{state: c.state.Copy(), time: c.time, number: c.number}
}

// SetBlock moves the current block; later transactions run in it unless
// they name their own time or number.
func (c *Chain) SetBlock(time, number uint64) {
	c.time, c.number = time, number
}

// Block returns the current block's time and number.
func (c *Chain) Block() (time, number uint64) { return c.time, c.number }

// SetBalance sets a's balance.
func (c *Chain) SetBalance(a common.Address, wei *uint256.Int) {
	if wei == nil {
		wei = new(uint256.Int)
	}
	c.state.SetBalance(a, wei, tracing.BalanceChangeUnspecified)
	c.finalise()
}

// Balance returns a's balance (zero for an unknown account).
func (c *Chain) Balance(a common.Address) *uint256.Int {
	return new(uint256.Int).Set(c.state.GetBalance(a))
}

// Code returns a's code.
func (c *Chain) Code(a common.Address) []byte {
	return common.CopyBytes(c.state.GetCode(a))
}

// SetCode installs code at a, as a genesis allocation would.
func (c *Chain) SetCode(a common.Address, code []byte) {
	c.state.SetCode(a, common.CopyBytes(code), tracing.CodeChangeUnspecified)
	if c.state.GetNonce(a) == 0 {
		// EIP-161: contracts start at nonce 1, so that a CREATE from them
		// gets the address a real deployment would.
		c.state.SetNonce(a, 1, tracing.NonceChangeUnspecified)
	}
	c.finalise()
}

// Storage returns the value of a storage slot of a.
func (c *Chain) Storage(a common.Address, slot common.Hash) common.Hash {
	return c.state.GetState(a, slot)
}

// Nonce returns a's nonce.
func (c *Chain) Nonce(a common.Address) uint64 { return c.state.GetNonce(a) }

// Deploy sends a contract-creation transaction from `from` and returns the
// address the contract gets (also when the creation fails, so a caller can
// report it) and the result. The result's Return is the deployed code.
func (c *Chain) Deploy(from common.Address, creation []byte, value *uint256.Int) (common.Address, *Result) {
	addr := crypto.CreateAddress(from, c.state.GetNonce(from))
	res := c.apply(Tx{From: from, Value: value, Data: creation}, nil)
	return addr, res
}

// Send applies one call transaction. Its state changes persist unless it
// reverts (the sender's nonce moves either way, as on a real chain).
func (c *Chain) Send(tx Tx) *Result {
	to := tx.To
	return c.apply(tx, &to)
}

func (c *Chain) apply(tx Tx, to *common.Address) *Result {
	value := tx.Value
	if value == nil {
		value = new(uint256.Int)
	}
	gas := tx.Gas
	if gas == 0 {
		gas = DefaultGas
	}
	t, n := c.time, c.number
	if tx.Time != 0 {
		t = tx.Time
	}
	if tx.Number != 0 {
		n = tx.Number
	}
	rec := newRecorder(c.state)
	evm := vm.NewEVM(c.blockContext(t, n), c.state, cancunConfig, vm.Config{Tracer: rec.hooks(), NoBaseFee: true})
	evm.SetTxContext(vm.TxContext{Origin: tx.From, GasPrice: new(uint256.Int)})
	msg := &core.Message{
		To:        to,
		From:      tx.From,
		Nonce:     c.state.GetNonce(tx.From),
		Value:     value,
		GasLimit:  gas,
		GasPrice:  new(uint256.Int),
		GasFeeCap: new(uint256.Int),
		GasTipCap: new(uint256.Int),
		Data:      tx.Data,
	}
	// Witnesses may send from any address, even one holding code (an
	// attacker contract's owner is an EOA, but a test may reuse addresses).
	msg.SkipEOACheck()

	snap := c.state.Snapshot()
	out, err := core.ApplyMessage(evm, msg, core.NewGasPool(gas))
	if err != nil {
		// Not an EVM failure but an invalid transaction (insufficient
		// funds, intrinsic gas…): nothing happened on chain.
		c.state.RevertToSnapshot(snap)
		return &Result{Reverted: true, Err: err}
	}
	c.finalise()
	res := &Result{
		Return:   out.ReturnData,
		Err:      out.Err,
		Reverted: out.Err != nil,
		GasUsed:  out.UsedGas,
		Trace:    rec.trace,
	}
	if res.Reverted && !errors.Is(out.Err, vm.ErrExecutionReverted) {
		// Exceptional halts (INVALID, out of gas…) return nothing.
		res.Return = nil
	}
	return res
}

// finalise ends the transaction: EIP-6780 deletions of contracts created and
// destroyed in it take effect, and the per-transaction journal is cleared.
func (c *Chain) finalise() {
	c.state.Finalise(cancunConfig.Rules(new(big.Int).SetUint64(c.number), true, c.time))
}

func (c *Chain) blockContext(t, n uint64) vm.BlockContext {
	random := crypto.Keccak256Hash([]byte("sleuth-replay-prevrandao"))
	return vm.BlockContext{
		CanTransfer: core.CanTransfer,
		Transfer:    core.Transfer,
		GetHash: func(num uint64) common.Hash {
			// Deterministic, distinct hashes for past blocks.
			return crypto.Keccak256Hash(new(big.Int).SetUint64(num).Bytes())
		},
		Coinbase:    common.HexToAddress("0xc0ffee0000000000000000000000000000c0ffee"),
		GasLimit:    30_000_000,
		BlockNumber: new(big.Int).SetUint64(n),
		Time:        t,
		Difficulty:  new(big.Int),
		BaseFee:     new(big.Int),
		BlobBaseFee: new(big.Int),
		Random:      &random,
	}
}
