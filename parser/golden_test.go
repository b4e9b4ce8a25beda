package parser

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenAST parses every fixture of testdata/syntax and compares the
// dumped tree and diagnostics with the .golden file beside it. Fixtures
// under testdata/syntax/errors/ must produce diagnostics; the others none.
func TestGoldenAST(t *testing.T) {
	files, _ := filepath.Glob("../testdata/syntax/*.sol")
	errFiles, _ := filepath.Glob("../testdata/syntax/errors/*.sol")
	files = append(files, errFiles...)
	if len(files) == 0 {
		t.Fatal("no fixtures found")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			content, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f := source.NewFile(filepath.Base(path), path, content)
			unit, diags := ParseFile(f)
			wantErrors := strings.Contains(filepath.ToSlash(path), "/errors/")
			if wantErrors && len(diags) == 0 {
				t.Errorf("expected syntax errors, got none")
			}
			if !wantErrors && len(diags) > 0 {
				t.Errorf("unexpected diagnostics: %v", diags)
			}
			var buf bytes.Buffer
			for _, d := range diags {
				fmt.Fprintf(&buf, "%s:%d:%d: %s: %s\n", d.File, d.Line, d.Column, d.Severity, d.Message)
			}
			if err := ast.Dump(&buf, unit); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".sol") + ".golden"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run go test ./parser -run TestGoldenAST -update): %v", err)
			}
			if !bytes.Equal(want, buf.Bytes()) {
				t.Errorf("AST differs from %s (rerun with -update and review the diff):\n%s", golden, firstDiff(string(want), buf.String()))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("length differs: want %d lines, got %d", len(al), len(bl))
}
