package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// manyFindings makes n findings spread over detectors, files and
// severities, as a large monorepo scan would.
func manyFindings(t testing.TB, n int) []analyzers.Finding {
	base := testDoc(t).Findings
	out := make([]analyzers.Finding, n)
	for i := range out {
		f := base[i%len(base)]
		f.ID = fmt.Sprintf("%032x", i)
		f.Detector = fmt.Sprintf("%s-%d", f.Detector, i%37)
		f.Location.File = fmt.Sprintf("src/m%d/Contract%d.sol", i%11, i%173)
		f.Location.StartLine = 1 + i%500
		f.Severity = analyzers.Severities[i%len(analyzers.Severities)]
		f.Message = fmt.Sprintf("%s (instance %d)", f.Message, i)
		out[i] = f
	}
	return out
}

// BenchmarkFilter5000 is one keystroke in the filter over 5,000 findings:
// rebuilding the filtered, sorted, grouped rows and drawing the screen.
func BenchmarkFilter5000(b *testing.B) {
	doc := testDoc(b)
	doc.Findings = manyFindings(b, 5000)
	m, _ := newTestModel(b, Options{Doc: doc})
	keys(m, "/")
	queries := []string{"c", "co", "con", "cont", "contract1", "contract17", "contract1", "con"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.input = []rune(queries[i%len(queries)])
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")})
		_ = m.View()
	}
}

// BenchmarkScroll5000 is one cursor move and redraw over 5,000 findings.
func BenchmarkScroll5000(b *testing.B) {
	doc := testDoc(b)
	doc.Findings = manyFindings(b, 5000)
	m, _ := newTestModel(b, Options{Doc: doc})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2000 == 0 {
			keys(m, "g")
		}
		m.Update(tea.KeyMsg{Type: tea.KeyDown})
		_ = m.View()
	}
}

// TestManyFindingsStayConsistent checks the large list's bookkeeping the
// benchmarks rely on: every finding shown once, under its group.
func TestManyFindingsStayConsistent(t *testing.T) {
	doc := testDoc(t)
	doc.Findings = manyFindings(t, 5000)
	m, _ := newTestModel(t, Options{Doc: doc})
	if got := len(m.Visible()); got != 5000 {
		t.Fatalf("%d shown, want 5000", got)
	}
	keys(m, "/", "contract17", "enter")
	want := 0
	for _, f := range doc.Findings {
		if strings.Contains(strings.ToLower(f.Location.File+" "+f.Message), "contract17") {
			want++
		}
	}
	if got := len(m.Visible()); got != want || got == 0 {
		t.Errorf("filter contract17: %d shown, want %d", got, want)
	}
}
