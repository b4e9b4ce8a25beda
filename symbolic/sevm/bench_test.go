package sevm

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

// BenchmarkFixtures analyses fixture contracts and reports where the time
// goes: solver (checks and models), replay, and the rest (exploration:
// interpretation, term building, printing). "fixtures" explores every
// per-property fixture (solc 0.4–0.8, vulnerable and safe) two transactions
// deep; "e2e" explores the end-to-end project with the production bounds
// (three transactions, a 30 s budget). Each contract must finish within its
// budget.
func BenchmarkFixtures(b *testing.B) {
	requireZ3(b)
	b.Run("fixtures", func(b *testing.B) {
		var arts []*compile.Artifact
		var names []string
		for _, fc := range fixtureCases {
			arts = append(arts, fixture(b, fc.version, fc.dir, fc.file, fc.contract))
			names = append(names, fc.dir+"/"+fc.contract)
		}
		benchAnalyze(b, arts, names, Config{Budget: 20 * time.Second, MaxTxs: 2})
	})
	b.Run("e2e", func(b *testing.B) {
		path := filepath.Join(compiletest.ModuleRoot(b), "testdata", "symbolic", "e2e", "Vulnerable.sol")
		arts := compiletest.Compile(b, "0.7.6", path)
		var names []string
		for _, a := range arts {
			names = append(names, "e2e/"+a.Name)
		}
		benchAnalyze(b, arts, names, Config{Budget: 30 * time.Second})
	})
}

func benchAnalyze(b *testing.B, arts []*compile.Artifact, names []string, cfg Config) {
	b.Helper()
	var solver, replayT, total time.Duration
	var checks, hits, timedOut, instrs int
	var slowest time.Duration
	var slowName string
	budget := cfg.withDefaults().Budget
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, art := range arts {
			rep, err := Analyze(context.Background(), art, cfg)
			if err != nil {
				b.Fatal(err)
			}
			if rep.Stats.Elapsed > budget+2*time.Second {
				b.Errorf("%s ran %v past its budget of %v", names[k], rep.Stats.Elapsed, budget)
			}
			if rep.Stats.TimedOut {
				timedOut++
			}
			if rep.Stats.Elapsed > slowest {
				slowest, slowName = rep.Stats.Elapsed, names[k]
			}
			solver += rep.Stats.SolverTime
			replayT += rep.Stats.ReplayTime
			total += rep.Stats.Elapsed
			checks += rep.Stats.SolverChecks
			hits += rep.Stats.ModelHits
			instrs += rep.Stats.Instructions
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(len(arts)), "contracts")
	b.ReportMetric(float64(total.Milliseconds())/n, "analysis-ms/op")
	b.ReportMetric(float64(solver.Milliseconds())/n, "solver-ms/op")
	b.ReportMetric(float64(replayT.Milliseconds())/n, "replay-ms/op")
	b.ReportMetric(float64(checks)/n, "checks/op")
	b.ReportMetric(float64(hits)/n, "model-hits/op")
	b.ReportMetric(float64(instrs)/n, "instructions/op")
	b.ReportMetric(100*float64(solver)/float64(total), "solver-%")
	b.ReportMetric(float64(timedOut)/n, "budget-hits/op")
	b.Logf("slowest: %s in %v", slowName, slowest)
}
