package sevm

import (
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
)

func TestDecodeArgs(t *testing.T) {
	a, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"f","stateMutability":"nonpayable","inputs":[
		{"name":"to","type":"address"},{"name":"amount","type":"uint256"},{"name":"","type":"int8"},
		{"name":"data","type":"bytes"},{"name":"h","type":"bytes4"},{"name":"ids","type":"uint16[]"},
		{"name":"ok","type":"bool"},{"name":"s","type":"string"}],"outputs":[]}]`))
	if err != nil {
		t.Fatal(err)
	}
	m := a.Methods["f"]
	to := common.HexToAddress("0xa77ac0000000000000000000000000000000bad")
	amount, _ := new(big.Int).SetString("1000000000000000000", 10)
	args, err := m.Inputs.Pack(to, amount, int8(-3), []byte{0xde, 0xad}, [4]byte{1, 2, 3, 4}, []uint16{7, 9}, true, "hi")
	if err != nil {
		t.Fatal(err)
	}
	got := decodeArgs(&m, append(append([]byte(nil), m.ID...), args...))
	want := []string{"to: " + to.Hex(), "amount: 1000000000000000000", "arg2: -3", "data: 0xdead",
		"h: 0x01020304", "ids: [7, 9]", "ok: true", `s: "hi"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%q\nwant\n%q", got, want)
	}
	if got := decodeArgs(&m, m.ID); got != nil {
		t.Errorf("truncated calldata decoded to %q", got)
	}
}
