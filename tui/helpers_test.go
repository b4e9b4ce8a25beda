package tui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/report"
)

// fixedNow stamps reviews in tests.
var fixedNow = time.Date(2026, 5, 4, 9, 30, 0, 0, time.UTC)

// testDoc is a scan of testdata/Vault.sol with hand-made findings and
// detector docs: the views depend on nothing that other packages may
// reword, so the goldens change only when the UI does.
func testDoc(t testing.TB) report.Document {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", "Vault.sol"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	file := source.NewFile("src/Vault.sol", abs, data)
	loc := func(line, col, endCol int) analyzers.Location {
		return analyzers.Location{File: "src/Vault.sol", StartLine: line, StartColumn: col, EndLine: line, EndColumn: endCol}
	}
	reent := loc(14, 23, 54)
	reent.Contract, reent.Function = "Vault", "withdraw()"
	origin := loc(20, 17, 35)
	origin.Contract, origin.Function = "Vault", "setOwner(address)"
	kill := loc(25, 9, 42)
	kill.Contract, kill.Function = "Vault", "kill()"
	findings := []analyzers.Finding{
		{ID: "1111aaaa2222bbbb", Detector: "reentrancy-eth", Title: "Reentrancy: state written after an external call that sends ether",
			Message:  "Vault.withdraw() writes balances[msg.sender] after msg.sender.call{value: amount}(\"\")",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatReentrancy, Location: reent,
			Related: []analyzers.Related{{Location: loc(16, 9, 33), Message: "state written after the call: balances"}},
			Symbolic: &analyzers.Symbolic{Status: analyzers.Confirmed, Replayed: true, Witness: []analyzers.WitnessTx{
				{From: "0xa0", To: "0xb0", Value: "1000", Calldata: "0x3ccfd60b", Function: "withdraw()"}}},
			Triage: &analyzers.Triage{Verdict: analyzers.TruePositive, Confidence: 0.9, Rationale: "The balance is zeroed after the call.", Model: "qwen2.5-coder:7b"},
		},
		{ID: "3333cccc4444dddd", Detector: "tx-origin", Title: "Authorisation through tx.origin",
			Message:  "authorisation compares tx.origin with owner",
			Severity: analyzers.Medium, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatTxOrigin, Location: origin},
		{ID: "5555eeee6666ffff", Detector: "suicidal", Title: "Anyone can destroy the contract",
			Message:  "Vault.kill() reaches selfdestruct(payable(msg.sender)) without any caller check",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl, Location: kill},
		{ID: "7777aaaa8888bbbb", Detector: "solc-version", Title: "Floating pragma",
			Message:  "pragma solidity ^0.8.20 allows compilers the code was not tested with",
			Severity: analyzers.Info, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatCodeQuality, Location: loc(2, 1, 25)},
	}
	return report.Document{
		Root:     filepath.Dir(abs),
		Sources:  map[string]*source.File{"src/Vault.sol": file},
		Findings: findings,
		Detectors: []*analyzers.Analyzer{{
			ID: "reentrancy-eth", Title: "Reentrancy", Severity: analyzers.High,
			Description:    "An external call that sends ether happens before a state write the call could observe.",
			Exploit:        "The callee re-enters withdraw() and is paid again.",
			Recommendation: "Write state before the call.",
		}},
	}
}

// newTestModel is a model over testDoc with a triage store in a temporary
// project directory.
func newTestModel(t testing.TB, o Options) (*Model, *report.Reviews) {
	t.Helper()
	if o.Doc.Root == "" {
		o.Doc = testDoc(t)
	}
	rv, err := report.LoadReviews(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if o.Reviews == nil {
		o.Reviews = rv
	}
	if o.Now == nil {
		o.Now = func() time.Time { return fixedNow }
	}
	m := New(o)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, o.Reviews
}

// keys sends each argument as a key: names bubbletea knows ("enter",
// "esc", "tab", "down") or literal text, typed as one burst.
func keys(m *Model, ks ...string) {
	for _, k := range ks {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "tab":
			msg = tea.KeyMsg{Type: tea.KeyTab}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "backspace":
			msg = tea.KeyMsg{Type: tea.KeyBackspace}
		case "space":
			msg = tea.KeyMsg{Type: tea.KeySpace}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		m.Update(msg)
	}
}

func visibleIDs(m *Model) []string {
	var ids []string
	for _, f := range m.Visible() {
		ids = append(ids, f.ID[:4])
	}
	return ids
}
