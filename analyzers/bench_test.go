package analyzers_test

import (
	"os"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
)

const ozDir = "../testdata/corpus/node_modules/@openzeppelin/contracts"

func loadOZ(b *testing.B) *parser.Project {
	if _, err := os.Stat(ozDir); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_CORPUS") != "" {
			b.Fatalf("corpus missing: run `make corpus`")
		}
		b.Skip("corpus not installed")
	}
	proj, err := parser.Load(parser.Config{Paths: []string{ozDir}})
	if err != nil {
		b.Fatal(err)
	}
	return proj
}

// BenchmarkStaticScanOpenZeppelin is the whole static stage on all cores:
// load and parse @openzeppelin/contracts, build the model, run every
// detector.
func BenchmarkStaticScanOpenZeppelin(b *testing.B) {
	loadOZ(b)
	b.ReportAllocs()
	for b.Loop() {
		proj, _ := parser.Load(parser.Config{Paths: []string{ozDir}})
		analyzers.Analyze(proj, analyzers.All(), nil)
	}
}

// BenchmarkModelOpenZeppelin is the semantic model alone.
func BenchmarkModelOpenZeppelin(b *testing.B) {
	proj := loadOZ(b)
	b.ReportAllocs()
	for b.Loop() {
		sema.Build(proj)
	}
}

// BenchmarkDetectorsOpenZeppelin is every detector over a built model.
func BenchmarkDetectorsOpenZeppelin(b *testing.B) {
	proj := loadOZ(b)
	b.ReportAllocs()
	for b.Loop() {
		analyzers.Run(sema.Build(proj), analyzers.All())
	}
}
