// Package analysistest checks detectors against annotated Solidity
// fixtures, in the manner of golang.org/x/tools/go/analysis/analysistest.
//
// A fixture line that must be reported carries a comment naming the
// detector ids expected there:
//
//	msg.sender.call{value: amount}("");   // want "reentrancy-eth"
//
// A `// want` comment on a line of its own applies to the next line that is
// not a comment (for code that is hard to comment inline). Every finding
// must be wanted and every want must be found, on the same line.
package analysistest

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser"
)

// Result summarises a fixture directory: how many positive expectations
// and how many files without any (negative fixtures) it holds.
type Result struct {
	Wants         int
	NegativeFiles int
	Findings      []analyzers.Finding
}

var wantRE = regexp.MustCompile(`"([^"]+)"`)

// expectation is one wanted detector id at a line of a file.
type expectation struct {
	file string
	line int
	id   string
}

// Run loads every .sol file under dir (each its own unit, as in a
// benchmark directory), runs the analyzers and compares their findings
// with the fixtures' `// want` comments. Only the ids of the given
// analyzers are checked; wants for other detectors are ignored.
func Run(t testing.TB, dir string, list ...*analyzers.Analyzer) Result {
	t.Helper()
	proj, err := parser.Load(parser.Config{Paths: []string{dir}, IncludeTests: true})
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	for _, d := range proj.Diagnostics {
		if d.Severity == "error" {
			t.Errorf("fixture does not load cleanly: %s:%d:%d: %s", d.File, d.Line, d.Column, d.Message)
		}
	}
	prog := sema.Build(proj)
	findings, failures := analyzers.Run(prog, list)
	for _, f := range failures {
		t.Errorf("%s", f)
	}
	ids := map[string]bool{}
	for _, a := range list {
		ids[a.ID] = true
	}

	var res Result
	res.Findings = findings
	wants := map[expectation]int{}
	for _, u := range proj.InScope() {
		if u.AST == nil {
			continue
		}
		fileWants := 0
		for _, c := range u.AST.Comments {
			text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
			if !strings.HasPrefix(text, "want ") {
				continue
			}
			line := c.Src.Start.Line
			if ownLine(u.File.Line(line), c.Src.Start.Column) {
				line = nextCodeLine(u, line)
			}
			for _, m := range wantRE.FindAllStringSubmatch(text, -1) {
				if !ids[m[1]] {
					continue
				}
				wants[expectation{u.File.Path, line, m[1]}]++
				fileWants++
			}
		}
		res.Wants += fileWants
		if fileWants == 0 {
			res.NegativeFiles++
		}
	}
	got := map[expectation]int{}
	for _, f := range findings {
		got[expectation{f.Location.File, f.Location.StartLine, f.Detector}]++
	}
	var problems []string
	for e, n := range got {
		if wants[e] == 0 {
			problems = append(problems, fmt.Sprintf("%s:%d: unexpected finding %q: %s", e.file, e.line, e.id, messageAt(findings, e)))
		} else if n > wants[e] {
			problems = append(problems, fmt.Sprintf("%s:%d: %d findings %q, want %d", e.file, e.line, n, e.id, wants[e]))
		}
	}
	for e, n := range wants {
		if got[e] < n {
			problems = append(problems, fmt.Sprintf("%s:%d: missing finding %q", e.file, e.line, e.id))
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Errorf("%s", filepath.ToSlash(p))
	}
	return res
}

func messageAt(fs []analyzers.Finding, e expectation) string {
	for _, f := range fs {
		if f.Location.File == e.file && f.Location.StartLine == e.line && f.Detector == e.id {
			return f.Message
		}
	}
	return ""
}

// ownLine reports whether only whitespace precedes the comment on its line.
func ownLine(line string, column int) bool {
	r := []rune(line)
	if column-1 > len(r) {
		return false
	}
	return strings.TrimSpace(string(r[:column-1])) == ""
}

// nextCodeLine returns the first line after n that is not blank or a
// comment.
func nextCodeLine(u *parser.Unit, n int) int {
	for l := n + 1; l <= u.File.LineCount(); l++ {
		s := strings.TrimSpace(u.File.Line(l))
		if s != "" && !strings.HasPrefix(s, "//") {
			return l
		}
	}
	return n
}
