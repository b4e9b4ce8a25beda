package sema

import (
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/parser"
)

func TestSmokeOZ(t *testing.T) {
	proj, err := parser.Load(parser.Config{Paths: []string{"../../testdata/corpus/node_modules/@openzeppelin/contracts"}})
	if err != nil {
		t.Skip(err)
	}
	start := time.Now()
	p := Build(proj)
	t.Logf("model of %d units in %v, %d diags", len(p.Units), time.Since(start), len(p.Diagnostics))
	kinds := map[CallKind]int{}
	unresolved := 0
	for _, c := range p.Contracts {
		for _, f := range c.Def.Functions {
			for _, call := range p.FunctionOf(f).Calls {
				kinds[call.Kind]++
				if call.Kind == CallUnknown {
					unresolved++
					if unresolved < 15 {
						t.Logf("unknown call %s in %s.%s: %s", call.Expr.Src.File.Path, c.Name(), f.Name.Name, call.Expr.Span().Text())
					}
				}
			}
		}
	}
	for k, n := range kinds {
		t.Logf("%-10s %d", k, n)
	}
	for _, c := range p.Contracts {
		if c.Name() == "ERC20Votes" {
			var names []string
			for _, l := range c.Linearization {
				names = append(names, l.Name())
			}
			t.Logf("ERC20Votes linearization: %v; state vars %d", names, len(c.StateVars))
		}
	}
}
