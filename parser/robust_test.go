package parser

import (
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// Pathological inputs must end with a diagnostic, not a crash, a hang or
// unbounded memory. (Their speed is measured in benchmarks, not here.)

func TestDeepNestingIsRefused(t *testing.T) {
	const depth = 100_000
	src := "contract C { function f() public { uint x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "; } }"
	unit, diags := ParseFile(source.NewFile("deep.sol", "", []byte(src)))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "nested more than") {
		t.Fatalf("want one nesting diagnostic, got %v", diags)
	}
	if diags[0].Line != 1 || diags[0].Column < 40 {
		t.Errorf("diagnostic should point into the nesting, got %d:%d", diags[0].Line, diags[0].Column)
	}
	if len(unit.Nodes) != 0 {
		t.Errorf("refused file should have an empty tree")
	}
}

func TestNestingJustUnderTheLimitParses(t *testing.T) {
	depth := 200
	src := "contract C { function f() public { uint x = " + strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + "; } }"
	_, diags := ParseFile(source.NewFile("nested.sol", "", []byte(src)))
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
}

func TestBracketsInStringsAndCommentsDoNotCount(t *testing.T) {
	src := "contract C { string s = \"" + strings.Repeat("(", 5000) + "\"; // " + strings.Repeat("[", 5000) + "\n /* " + strings.Repeat("{", 5000) + " */ }"
	_, diags := ParseFile(source.NewFile("strings.sol", "", []byte(src)))
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
}

func TestBinaryGarbageStopsAtErrorLimit(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	data := make([]byte, 1<<20)
	rng.Read(data)
	_, diags := ParseFile(source.NewFile("garbage.sol", "", data))
	if len(diags) == 0 || len(diags) > MaxErrors+1 {
		t.Fatalf("want between 1 and %d diagnostics, got %d", MaxErrors+1, len(diags))
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "internal error") {
			t.Fatalf("parser panicked: %s", d.Message)
		}
	}
}

func TestOneVeryLongLine(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("pragma solidity ^0.8.0; contract C {")
	for i := 0; i < 20_000; i++ {
		sb.WriteString(" function f")
		sb.WriteString(strings.Repeat("x", i%7))
		sb.WriteString("() external pure returns (uint256) { return 1 + 2 * 3; }")
	}
	sb.WriteString(" }")
	file := source.NewFile("long.sol", "", []byte(sb.String()))
	unit, diags := ParseFile(file)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags[:1])
	}
	if file.LineCount() != 1 {
		t.Fatalf("want one line, got %d", file.LineCount())
	}
	if got := len(unit.Contracts[0].Functions); got != 20_000 {
		t.Fatalf("want 20000 functions, got %d", got)
	}
	last := unit.Contracts[0].Functions[19_999]
	if last.Src.Start.Line != 1 || last.Src.Start.Column < 1_000_000 {
		t.Errorf("last function at %d:%d", last.Src.Start.Line, last.Src.Start.Column)
	}
}

func TestNonASCIIPositions(t *testing.T) {
	src := "// héllo wörld \u202e reversed\ncontract Ü {}\ncontract D { string s = \"日本\"; uint x; }"
	file := source.NewFile("u.sol", "", []byte(src))
	unit, diags := ParseFile(file)
	// `Ü` is not a valid identifier character: solc rejects it, and so do
	// we, but D must still be found, with character-based columns.
	if len(diags) == 0 || diags[0].Line != 2 {
		t.Fatalf("want an error on line 2, got %v", diags)
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "{") {
			t.Errorf("raw token set in message: %s", d.Message)
		}
	}
	var d = unit.Contracts[len(unit.Contracts)-1]
	if d.Name.Name != "D" {
		t.Fatalf("last contract %q", d.Name.Name)
	}
	x := d.StateVars[1]
	if x.Name.Src.Start.Line != 3 || x.Name.Src.Start.Column != 36 {
		t.Errorf("x at %d:%d, want 3:36", x.Name.Src.Start.Line, x.Name.Src.Start.Column)
	}
	if got := x.Name.Src.Text(); got != "x" {
		t.Errorf("span text %q", got)
	}
}

func TestByteOrderMarkIsSkipped(t *testing.T) {
	src := "\ufeffpragma solidity ^0.8.0;\ncontract C {}\n"
	file := source.NewFile("bom.sol", "", []byte(src))
	unit, diags := ParseFile(file)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	c := unit.Contracts[0]
	if c.Name.Src.Start.Line != 2 || c.Name.Src.Text() != "C" {
		t.Errorf("contract name at %d:%d %q", c.Name.Src.Start.Line, c.Name.Src.Start.Column, c.Name.Src.Text())
	}
}

// A 50 MB file is refused by its size, before it is read: the load stays
// fast and allocates far less than the file, and the files around it are
// still loaded.
func TestLoadRefuses50MBFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.json": "{}",
		"Main.sol":     "import \"./Huge.sol\";\ncontract Main {}\n",
	})
	huge, err := os.Create(filepath.Join(dir, "Huge.sol"))
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("contract Huge { function f() external pure returns (uint256) { return 1; } }\n")
	if _, err := huge.Write(line); err != nil {
		t.Fatal(err)
	}
	// Sparse: 50 MB on paper, next to nothing on disk.
	if err := huge.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	huge.Close()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	p := mustLoad(t, Config{Paths: []string{dir}})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)

	check(t, "units", unitPaths(p.Units), []string{"Main.sol"})
	check(t, "diagnostics", diagLines(p.Diagnostics), []string{
		"Huge.sol:0:0: error: file too large to parse (50 MiB; the limit is 16 MiB)",
	})
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("loading allocated %d bytes: the huge file was read", alloc)
	}
	if elapsed > 10*time.Second {
		t.Errorf("load took %v", elapsed)
	}
}

// Nesting without brackets escapes MaxNesting; unbounded, it cost the
// parser a gigabyte of stack per 100 KB and ended in a fatal stack
// overflow. Runs whose every parse decision looks ahead to the end of the
// run cost quadratic time. Each must end with one diagnostic, quickly.
func TestPathologicalRepetition(t *testing.T) {
	const n = 1_000_000
	const deep, slow = "levels deep", "lookahead is not bounded"
	body := func(s string) string { return "contract C { function f() public { " + s + " } }" }
	for _, tc := range []struct{ name, src, want string }{
		{"prefix operators", body("bool x = " + strings.Repeat("!", n) + "true;"), deep},
		{"nested ifs", body(strings.Repeat("if (x) ", n/7) + "x = 1;"), deep},
		{"assignments", body(strings.Repeat("x = ", n/4) + "1;"), deep},
		{"conditionals", body("x = " + strings.Repeat("a ? b : ", n/8) + "c;"), deep},
		{"left-recursive +", body("x = " + strings.Repeat("1 + ", n/4) + "1;"), deep},
		{"member chain", body("x = a" + strings.Repeat(".b", n/2) + ";"), deep},
		{"call chain", body("f" + strings.Repeat("()", n/2) + ";"), deep},
		{"index chain", body("x = a" + strings.Repeat("[1]", n/3) + ";"), deep},
		{"array state variable", "contract C { uint" + strings.Repeat("[]", n/2) + " x; }", slow},
		{"array local", body("uint" + strings.Repeat("[]", n/2) + " memory x;"), deep},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			unit, diags := ParseFile(source.NewFile("deep.sol", "", []byte(tc.src)))
			if len(diags) != 1 || !strings.Contains(diags[0].Message, tc.want) {
				t.Fatalf("want one diagnostic saying %q, got %v", tc.want, diags)
			}
			if len(unit.Nodes) != 0 {
				t.Errorf("refused file should have an empty tree")
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// Real code nests far less than MaxDepth, but bracket nesting just under
// MaxNesting, in its most expensive form (four levels per bracket), must
// still parse.
func TestDeepestBracketNestingStillParses(t *testing.T) {
	depth := MaxNesting - 10
	src := "contract C { function f() public { uint x = " + strings.Repeat("a.f(", depth) + "1" + strings.Repeat(")", depth) + "; } }"
	unit, diags := ParseFile(source.NewFile("nested.sol", "", []byte(src)))
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if len(unit.Contracts) != 1 {
		t.Fatalf("want one contract")
	}
}
