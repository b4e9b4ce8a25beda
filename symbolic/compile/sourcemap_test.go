package compile

import (
	"reflect"
	"testing"
)

func TestDecodeSourceMap(t *testing.T) {
	got, err := decodeSourceMap("1:2:0:-;;5::1;:7:-1:i:3;")
	if err != nil {
		t.Fatal(err)
	}
	want := []srcEntry{{1, 2, 0}, {1, 2, 0}, {5, 2, 1}, {5, 7, -1}, {5, 7, -1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := decodeSourceMap("1:x:0"); err == nil {
		t.Error("bad source map decoded")
	}
}

func TestPCSource(t *testing.T) {
	// PUSH1 1, PUSH2 2 3, ADD, STOP
	a := &Artifact{
		Runtime:    []byte{0x60, 0x01, 0x61, 0x02, 0x03, 0x01, 0x00},
		RuntimeMap: "0:10:0;10:5:1;;20:1:-1",
		Sources:    []string{"src/A.sol", "src/B.sol"},
	}
	type loc struct {
		file   string
		off, n int
		ok     bool
	}
	for pc, want := range map[int]loc{
		0:  {"src/A.sol", 0, 10, true},
		1:  {ok: false}, // inside PUSH1's immediate
		2:  {"src/B.sol", 10, 5, true},
		4:  {ok: false},
		5:  {"src/B.sol", 10, 5, true},
		6:  {ok: false}, // generated code, file -1
		7:  {ok: false}, // past the end
		-1: {ok: false},
	} {
		f, off, n, ok := a.PCSource(pc)
		if (loc{f, off, n, ok}) != want {
			t.Errorf("pc %d: got %v %d %d %v, want %+v", pc, f, off, n, ok, want)
		}
	}
}
