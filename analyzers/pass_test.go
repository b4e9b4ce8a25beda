package analyzers

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
)

// TestRunDoesNotDependOnWorkers runs every detector over every fixture and
// over audited code once on one worker, where all passes share one Facts,
// and once with a worker per pass, where each computes its own: a
// detector whose answer depends on what other passes asked first, or on
// timing, shows up as a difference.
func TestRunDoesNotDependOnWorkers(t *testing.T) {
	targets := map[string][]string{"fixtures": fixtureDirs(t)}
	for _, dir := range installedCorpora(t, "solmate", "@gnosis.pm/safe-contracts/contracts", "@uniswap/v3-core") {
		targets[dir] = []string{dir}
	}
	for name, paths := range targets {
		proj, err := parser.Load(parser.Config{Paths: paths})
		if err != nil {
			t.Fatal(err)
		}
		prog := sema.Build(proj)
		list := All()
		one, failOne := runWorkers(prog, list, 1)
		many, failMany := runWorkers(prog, list, len(list))
		if len(failOne)+len(failMany) > 0 {
			t.Fatalf("%s: detectors failed: %v %v", name, failOne, failMany)
		}
		if len(one) == 0 {
			t.Fatalf("%s: no findings at all", name)
		}
		if !reflect.DeepEqual(one, many) {
			t.Errorf("%s: %d findings on one worker, %d on %d workers, or the same number in another form",
				name, len(one), len(many), len(list))
			for i := range min(len(one), len(many)) {
				if !reflect.DeepEqual(one[i], many[i]) {
					t.Errorf("first difference:\n one: %+v\nmany: %+v", one[i], many[i])
					break
				}
			}
		}
	}
}

// fixtureDirs returns the directories of the detectors' fixtures.
func fixtureDirs(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("../testdata/detectors/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return dirs
}

// installedCorpora returns the directories of those corpus packages that
// are installed; with SLEUTH_REQUIRE_CORPUS set, a missing one fails.
func installedCorpora(t *testing.T, pkgs ...string) []string {
	t.Helper()
	var dirs []string
	for _, pkg := range pkgs {
		dir := "../testdata/corpus/node_modules/" + pkg
		if _, err := os.Stat(dir); err == nil {
			dirs = append(dirs, dir)
		} else if os.Getenv("SLEUTH_REQUIRE_CORPUS") != "" {
			t.Fatalf("corpus %s missing: run `make corpus`", pkg)
		}
	}
	return dirs
}

// TestScheduleKeepsEveryPass: the order passes start in is a permutation.
func TestScheduleKeepsEveryPass(t *testing.T) {
	list := All()
	order := schedule(list)
	seen := map[int]bool{}
	for _, i := range order {
		seen[i] = true
	}
	if len(order) != len(list) || len(seen) != len(list) {
		t.Fatalf("schedule of %d passes gave %d entries, %d distinct", len(list), len(order), len(seen))
	}
	if list[order[0]].ID != costlyFirst[0] {
		t.Errorf("first pass %s, want %s", list[order[0]].ID, costlyFirst[0])
	}
	for _, id := range costlyFirst {
		if Lookup(id) == nil {
			t.Errorf("costlyFirst names %q, which is no detector", id)
		}
	}
}
