package sevm

import (
	"context"
	"testing"
	"time"
)

// BenchmarkFixtures analyses every fixture contract and reports where the
// time goes: solver (checks and models), replay, and the rest (exploration:
// interpretation, term building, printing).
func BenchmarkFixtures(b *testing.B) {
	requireZ3(b)
	var solver, replayT, total time.Duration
	var checks, timedOut int
	var slowest time.Duration
	var slowName string
	for i := 0; i < b.N; i++ {
		for _, fc := range fixtureCases {
			art := fixture(b, fc.version, fc.dir, fc.file, fc.contract)
			cfg := Config{Budget: 20 * time.Second, MaxTxs: 2}
			rep, err := Analyze(context.Background(), art, cfg)
			if err != nil {
				b.Fatal(err)
			}
			if rep.Stats.Elapsed > cfg.Budget+2*time.Second {
				b.Errorf("%s/%s ran %v past its budget of %v", fc.dir, fc.contract, rep.Stats.Elapsed, cfg.Budget)
			}
			if rep.Stats.TimedOut {
				timedOut++
			}
			if rep.Stats.Elapsed > slowest {
				slowest, slowName = rep.Stats.Elapsed, fc.dir+"/"+fc.contract
			}
			solver += rep.Stats.SolverTime
			replayT += rep.Stats.ReplayTime
			total += rep.Stats.Elapsed
			checks += rep.Stats.SolverChecks
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(total.Milliseconds())/n, "analysis-ms/op")
	b.ReportMetric(float64(solver.Milliseconds())/n, "solver-ms/op")
	b.ReportMetric(float64(replayT.Milliseconds())/n, "replay-ms/op")
	b.ReportMetric(float64(checks)/n, "checks/op")
	b.ReportMetric(100*float64(solver)/float64(total), "solver-%")
	b.ReportMetric(float64(timedOut)/n, "budget-hits/op")
	b.Logf("slowest: %s in %v", slowName, slowest)
}
