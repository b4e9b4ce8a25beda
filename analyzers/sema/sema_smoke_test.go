package sema

import (
	"os"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser"
)

func loadCorpus(t *testing.T, pkg string) *Program {
	t.Helper()
	dir := "../../testdata/corpus/node_modules/" + pkg
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_CORPUS") != "" {
			t.Fatalf("corpus %s missing (run `make corpus`)", pkg)
		}
		t.Skipf("corpus %s not installed", pkg)
	}
	proj, err := parser.Load(parser.Config{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	return Build(proj)
}

// TestOpenZeppelinModel checks the model on audited code: every call is
// classified, and linearisation matches solc's C3 order.
func TestOpenZeppelinModel(t *testing.T) {
	p := loadCorpus(t, "@openzeppelin/contracts")
	if len(p.Diagnostics) != 0 {
		t.Errorf("model diagnostics: %v", p.Diagnostics)
	}
	kinds := map[CallKind]int{}
	for _, c := range p.Contracts {
		for _, f := range c.Def.Functions {
			for _, call := range p.FunctionOf(f).Calls {
				kinds[call.Kind]++
				if call.Kind == CallUnknown {
					t.Errorf("unclassified call in %s.%s: %s", c.Name(), f.Name.Name, call.Expr.Span().Text())
				}
			}
		}
	}
	if kinds[CallInternal] < 1000 || kinds[CallExternal] < 50 || kinds[CallLowLevel] == 0 {
		t.Errorf("implausible call mix: %v", kinds)
	}
	want := "ERC20Votes Votes IERC5805 IVotes IERC6372 Nonces EIP712 IERC5267 ERC20 IERC20Errors IERC20Metadata IERC20 Context"
	for _, c := range p.Contracts {
		if c.Name() != "ERC20Votes" {
			continue
		}
		var names []string
		for _, l := range c.Linearization {
			names = append(names, l.Name())
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("ERC20Votes linearization:\n got %s\nwant %s", got, want)
		}
	}
}
