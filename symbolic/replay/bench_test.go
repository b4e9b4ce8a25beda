package replay

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// BenchmarkSend measures one transaction on the chain: a deposit into the
// 0.4 bank (a mapping write and the trace that records it).
func BenchmarkSend(b *testing.B) {
	bank := compileFixture(b, "v04", "0.4.26", "Bank")
	c := New()
	c.SetBalance(victim, ether(1_000_000))
	addr, res := c.Deploy(deployer, bank.Creation, nil)
	if res.Err != nil {
		b.Fatal(res.Err)
	}
	data, err := bank.ABI.Pack("deposit")
	if err != nil {
		b.Fatal(err)
	}
	check, _ := bank.ABI.Pack("check", big.NewInt(1))
	b.Run("deposit", func(b *testing.B) {
		for b.Loop() {
			if r := c.Send(Tx{From: victim, To: addr, Value: ether(1), Data: data}); r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	})
	b.Run("pure-call", func(b *testing.B) {
		for b.Loop() {
			if r := c.Send(Tx{From: victim, To: addr, Data: check}); r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	})
}

// BenchmarkReentrancy measures the bank drain of TestAttackerDrainsBank:
// one transaction 22 frames deep with 11 ether transfers, on a fresh clone
// of the prepared chain each time.
func BenchmarkReentrancy(b *testing.B) {
	bank := compileFixture(b, "v04", "0.4.26", "Bank")
	c := New()
	c.SetBalance(victim, ether(100))
	c.SetBalance(attacker, ether(100))
	addr, _ := c.Deploy(deployer, bank.Creation, nil)
	deposit, _ := bank.ABI.Pack("deposit")
	withdraw, _ := bank.ABI.Pack("withdraw")
	c.Send(Tx{From: victim, To: addr, Value: ether(10), Data: deposit})
	evil := common.HexToAddress("0x000000000000000000000000000000000000e011")
	c.SetCode(evil, Attacker(attacker, withdraw, 10))
	c.Send(Tx{From: attacker, To: evil, Value: ether(1), Data: driveCall(b, addr, ether(1), deposit)})
	drain := driveCall(b, addr, new(uint256.Int), withdraw)
	for b.Loop() {
		d := c.Clone()
		if r := d.Send(Tx{From: attacker, To: evil, Data: drain}); r.Err != nil || !d.Balance(addr).IsZero() {
			b.Fatalf("drain failed: %v", r.Err)
		}
	}
}
