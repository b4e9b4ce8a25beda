package compile_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

func fixture(t *testing.T, name string) string {
	return filepath.Join(compiletest.ModuleRoot(t), "testdata", "compile", name)
}

// srcAt returns the source text a pc of the artifact's runtime maps to.
func srcAt(t *testing.T, root string, a *compile.Artifact, pc int) string {
	t.Helper()
	file, off, n, ok := a.PCSource(pc)
	if !ok {
		return ""
	}
	proj := compiletest.Load(t, root)
	for _, u := range proj.Units {
		if u.File.Path == file {
			if off+n > len(u.File.Content) {
				t.Fatalf("pc %d maps to %s[%d:+%d], past the file's end", pc, file, off, n)
			}
			return string(u.File.Content[off : off+n])
		}
	}
	t.Fatalf("pc %d maps to %s, not a project file", pc, file)
	return ""
}

// opPCs returns the pcs of every instance of op in code.
func opPCs(code []byte, op byte) []int {
	var pcs []int
	for pc := 0; pc < len(code); pc++ {
		c := code[pc]
		if c == op {
			pcs = append(pcs, pc)
		}
		if c >= 0x60 && c <= 0x7f {
			pc += int(c - 0x5f)
		}
	}
	return pcs
}

func TestCompileVersions(t *testing.T) {
	cases := []struct {
		dir, version string
		contracts    []string
		selfdestruct string // contract whose SELFDESTRUCT must map to selfdestruct(…)
		compilerHas  string
	}{
		{"v04", "0.4.26", []string{"Bank", "SafeMath"}, "Bank", "solc-js 0.4.26"},
		{"v05", "0.5.17", []string{"Ownable", "Token"}, "Token", "solc-js 0.5.17"},
		{"v07", "0.7.6", []string{"ExtLib", "Wallet"}, "Wallet", "solc-js 0.7.6"},
		{"v08", "0.8.28", []string{"Vault"}, "", "solc-js 0.8.28"},
	}
	for _, tc := range cases {
		t.Run(tc.dir, func(t *testing.T) {
			t.Parallel() // each run is mostly a node process
			root := fixture(t, tc.dir)
			proj := compiletest.Load(t, root)
			arts, diags, err := compile.Compile(context.Background(), proj, compiletest.Options(t, tc.version))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diags {
				if d.Severity == source.Error && !strings.Contains(d.Message, "contract Linked") {
					t.Errorf("diagnostic: %s:%d: %s", d.File, d.Line, d.Message)
				}
			}
			var names []string
			for _, a := range arts {
				names = append(names, a.Name)
				if len(a.Creation) == 0 || len(a.Runtime) == 0 {
					t.Errorf("%s: empty bytecode", a.Name)
				}
				if !strings.HasPrefix(a.Compiler, tc.compilerHas) {
					t.Errorf("%s: compiler %q, want %s…", a.Name, a.Compiler, tc.compilerHas)
				}
				if a.RuntimeMap == "" || a.CreationMap == "" {
					t.Errorf("%s: no source map", a.Name)
				}
				// AST ids come out with the bytecode: the contract's own
				// definition, and its functions' in the same file.
				var def *compile.ASTDef
				for i, d := range a.Defs {
					if d.ID == a.ASTID {
						def = &a.Defs[i]
					}
				}
				if a.ASTID < 0 || def == nil || def.Kind != "ContractDefinition" || def.Name != a.Name || def.File != a.Source {
					t.Errorf("%s: AST id %d, definition %+v", a.Name, a.ASTID, def)
				}
			}
			if strings.Join(names, ",") != strings.Join(tc.contracts, ",") {
				t.Errorf("artifacts %v, want %v", names, tc.contracts)
			}
			if tc.dir == "v07" {
				// Linked calls a public library function: unusable until
				// linked, and said so.
				found := false
				for _, d := range diags {
					found = found || d.Severity == source.Error && d.File == "Wallet.sol" &&
						strings.Contains(d.Message, "contract Linked") && strings.Contains(d.Message, "ExtLib.sol")
				}
				if !found {
					t.Errorf("no diagnostic about Linked's unlinked library: %v", diags)
				}
			}
			if tc.selfdestruct != "" {
				a := compiletest.Artifact(t, arts, tc.selfdestruct)
				pcs := opPCs(a.Runtime, 0xff)
				if len(pcs) == 0 {
					t.Fatalf("%s: no SELFDESTRUCT in the runtime code", a.Name)
				}
				if got := srcAt(t, root, a, pcs[0]); !strings.HasPrefix(got, "selfdestruct(") {
					t.Errorf("SELFDESTRUCT at pc %d maps to %q, want selfdestruct(…)", pcs[0], got)
				}
				// The source-map range lies in a function definition of
				// the AST, whose own range is that function's text.
				file, off, _, _ := a.PCSource(pcs[0])
				fn, ok := a.DefAt(file, off)
				if !ok || fn.Kind != "FunctionDefinition" || fn.ID < 0 || fn.Contract == "" {
					t.Fatalf("SELFDESTRUCT at %s:%d: AST definition %+v, %v", file, off, fn, ok)
				}
				u := compiletest.Load(t, root)
				for _, unit := range u.Units {
					if unit.File.Path == file {
						if text := string(unit.File.Content[fn.Offset : fn.Offset+fn.Length]); !strings.HasPrefix(text, "function "+fn.Name) {
							t.Errorf("definition %d spans %q", fn.ID, text)
						}
					}
				}
			}
		})
	}
}

// The parser reads words later versions reserved as names where the
// pragma allows a compiler that did not reserve them; solc 0.4.26
// compiles those fixtures of testdata/syntax as sleuth parses them (and
// compiletest.Load fails on any parse error).
func TestLegacyNameFixturesCompile(t *testing.T) {
	for _, name := range []string{"legacy_names.sol", "legacy_names_mixed.sol"} {
		t.Run(name, func(t *testing.T) {
			proj := compiletest.Load(t, filepath.Join(compiletest.ModuleRoot(t), "testdata", "syntax", name))
			arts, diags, err := compile.Compile(context.Background(), proj, compiletest.Options(t, "0.4.26"))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diags {
				if d.Severity == source.Error {
					t.Errorf("solc: %s:%d: %s", d.File, d.Line, d.Message)
				}
			}
			if len(arts) == 0 {
				t.Error("no contract compiled")
			}
		})
	}
}
