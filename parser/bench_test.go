package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/source"
)

func loadCorpusFiles(b *testing.B, pkg string) ([]*source.File, int64) {
	dir := requireCorpus(b, pkg)
	var files []*source.File
	var total int64
	for _, path := range solidityFiles(b, dir) {
		content, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, source.NewFile(rel, path, content))
		total += int64(len(content))
	}
	return files, total
}

// BenchmarkParseFileOpenZeppelin parses all of @openzeppelin/contracts on
// one goroutine: the per-core speed of lexer, parser and AST builder.
func BenchmarkParseFileOpenZeppelin(b *testing.B) {
	files, total := loadCorpusFiles(b, "@openzeppelin/contracts")
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			ParseFile(f)
		}
	}
}

// BenchmarkLoadOpenZeppelin is the whole front end on all cores: discover,
// read, parse and resolve imports of @openzeppelin/contracts.
func BenchmarkLoadOpenZeppelin(b *testing.B) {
	dir := requireCorpus(b, "@openzeppelin/contracts")
	_, total := loadCorpusFiles(b, "@openzeppelin/contracts")
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		p, err := Load(Config{Paths: []string{dir}})
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Units) < 200 {
			b.Fatalf("loaded only %d units", len(p.Units))
		}
	}
}
