package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
)

func TestListSortsBySeverityAndGroups(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	if got, want := visibleIDs(m), []string{"5555", "1111", "3333", "7777"}; !slices.Equal(got, want) {
		t.Errorf("severity order = %v, want %v (high before medium, more confident first)", got, want)
	}
	v := m.View()
	for _, want := range []string{"sleuth 4/4", "2 high 1 med 1 info", "HIGH (2)", "MEDIUM (1)", "INFO (1)", "> HIGH   "} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}

	keys(m, "s") // by detector
	if got, want := visibleIDs(m), []string{"1111", "7777", "5555", "3333"}; !slices.Equal(got, want) {
		t.Errorf("detector order = %v, want %v", got, want)
	}
	if !strings.Contains(m.View(), "reentrancy-eth (1)") {
		t.Errorf("no detector group heading:\n%s", m.View())
	}
	keys(m, "s") // by file: one group
	if !strings.Contains(m.View(), "src/Vault.sol (4)") || !strings.Contains(m.View(), "by file") {
		t.Errorf("no file group:\n%s", m.View())
	}
	keys(m, "s")
	if m.q.sortKey != BySeverity {
		t.Errorf("s does not cycle back to severity")
	}
}

func TestFilterNarrowsLiveAndEscRestores(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	keys(m, "/", "tx.orig")
	if got := visibleIDs(m); !slices.Equal(got, []string{"3333"}) {
		t.Errorf("filtering tx.orig shows %v", got)
	}
	if !strings.Contains(m.View(), "/tx.orig█") {
		t.Errorf("the filter being typed is not shown:\n%s", m.View())
	}
	keys(m, "esc")
	if len(m.Visible()) != 4 {
		t.Errorf("esc while typing should restore the previous (empty) filter, shows %v", visibleIDs(m))
	}
	// Words are and-ed; enter keeps the filter.
	keys(m, "/", "vault high", "enter")
	if got := visibleIDs(m); !slices.Equal(got, []string{"5555", "1111"}) {
		t.Errorf("'vault high' shows %v", got)
	}
	if !strings.Contains(m.View(), "· /vault high") {
		t.Errorf("header does not show the kept filter:\n%s", m.View())
	}
	keys(m, "/", "backspace", "backspace", "backspace", "backspace", "backspace", "enter")
	if len(m.Visible()) != 4 {
		t.Errorf("after deleting the filter shows %v", visibleIDs(m))
	}
	keys(m, "/", "no such thing", "enter")
	if !strings.Contains(m.View(), "No finding matches the filter") {
		t.Errorf("empty result not explained:\n%s", m.View())
	}
	keys(m, "esc")
	if len(m.Visible()) != 4 {
		t.Error("esc in the list does not clear the filter")
	}
}

func TestSeverityFilterCycles(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	want := map[analyzers.Severity]int{"": 4, analyzers.Low: 3, analyzers.Medium: 3, analyzers.High: 2, analyzers.Critical: 0}
	for range 5 {
		keys(m, "v")
		if got := len(m.Visible()); got != want[m.q.minSev] {
			t.Errorf("min severity %q shows %d, want %d", m.q.minSev, got, want[m.q.minSev])
		}
	}
	if m.q.minSev != "" {
		t.Errorf("v does not cycle back to all, at %q", m.q.minSev)
	}
}

func TestCursorMovesOverFindingsOnly(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	for range 10 {
		keys(m, "down")
		if m.selectedIndex() < 0 {
			t.Fatal("cursor landed on a group heading")
		}
	}
	if f, _ := m.Selected(); f.ID != "7777aaaa8888bbbb" {
		t.Errorf("after moving past the end the last finding should be selected, got %s", f.ID)
	}
	keys(m, "g")
	if f, _ := m.Selected(); f.ID != "5555eeee6666ffff" {
		t.Errorf("g: selected %s", f.ID)
	}
	keys(m, "up")
	if m.selectedIndex() < 0 || m.offset != 0 {
		t.Errorf("moving above the first finding: cursor %d offset %d", m.cursor, m.offset)
	}
}

func TestOpenFindingShowsSourceDetailAndJumps(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	keys(m, "down", "enter") // the reentrancy finding
	v := m.View()
	for _, want := range []string{
		"── src/Vault.sol:14:23 (primary; tab: 1 related)",
		">14 │         (bool ok, ) = msg.sender.call{value: amount}(\"\");",
		"                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^", // the caret line under the span
		"*16 │         balances[msg.sender] = 0;",
		"HIGH Reentrancy: state written after an external call that sends ether",
		"src/Vault.sol:14:23 in Vault.withdraw()",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("finding screen lacks %q:\n%s", want, v)
		}
	}
	keys(m, "tab")
	v = m.View()
	if !strings.Contains(v, "(related 1/1: state written after the call: balances)") || !strings.Contains(v, ">16 │") || !strings.Contains(v, "*14 │") {
		t.Errorf("tab does not jump to the related location:\n%s", v)
	}
	keys(m, "tab")
	if m.loc != 0 {
		t.Errorf("tab does not cycle back to the primary location")
	}
	// The detail pane scrolls down to the evidence and the docs.
	var all strings.Builder
	for range 40 {
		all.WriteString(m.View())
		keys(m, "down")
	}
	for _, want := range []string{"Symbolic execution", "confirmed (replayed on the EVM)", "tx 1: 0xa0 → 0xb0 value 1000 withdraw()",
		"Model verdict", "true-positive (confidence 0.90) by qwen2.5-coder:7b", "The balance is zeroed after the call.",
		"About reentrancy-eth", "Exploit scenario", "Recommendation", "Write state before the call."} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("detail pane never shows %q", want)
		}
	}
	keys(m, "]")
	if f, _ := m.Selected(); f.ID != "3333cccc4444dddd" || m.screen != findingScreen {
		t.Errorf("] should open the next finding, got %s on screen %d", f.ID, m.screen)
	}
	keys(m, "esc")
	if m.screen != listScreen {
		t.Error("esc does not go back to the list")
	}
}

func TestTriageSavesStoreAndHides(t *testing.T) {
	m, store := newTestModel(t, Options{})
	keys(m, "down", "t", "f", "reachable only by the owner", "enter")
	rv, ok := store.Entries["1111aaaa2222bbbb"]
	if !ok || rv.Status != analyzers.ReviewFalsePositive || rv.Note != "reachable only by the owner" || !rv.Time.Equal(fixedNow) {
		t.Fatalf("store entry = %+v, %v", rv, ok)
	}
	// Saved at once, to the file later scans read.
	back, err := report.LoadReviews(filepath.Dir(filepath.Dir(store.Path)))
	if err != nil || back.Entries["1111aaaa2222bbbb"].Note != "reachable only by the owner" {
		t.Fatalf("triage.json does not hold the review: %v %v", back.Entries, err)
	}
	v := m.View()
	if !strings.Contains(v, "1 reviewed") || !strings.Contains(v, "HIGH x reentrancy-eth") || !strings.Contains(v, "marked false-positive") {
		t.Errorf("the list does not show the review:\n%s", v)
	}
	// Triage is searchable, and H hides the false positives.
	keys(m, "/", "false-positive", "enter")
	if got := visibleIDs(m); !slices.Equal(got, []string{"1111"}) {
		t.Errorf("filter on review status shows %v", got)
	}
	keys(m, "esc", "H")
	if got := visibleIDs(m); slices.Contains(got, "1111") || len(got) != 3 || !strings.Contains(m.View(), "FP hidden") {
		t.Errorf("H should hide the false positive: %v", got)
	}
	keys(m, "H")

	// Re-marking keeps the note for editing; u unmarks.
	keys(m, "g", "down", "t", "c")
	if string(m.input) != "reachable only by the owner" {
		t.Errorf("note prompt should start from the old note, has %q", string(m.input))
	}
	keys(m, "esc")
	if store.Entries["1111aaaa2222bbbb"].Status != analyzers.ReviewFalsePositive {
		t.Error("esc in the note prompt changed the review")
	}
	keys(m, "t", "n", "enter")
	if store.Entries["1111aaaa2222bbbb"].Status != analyzers.ReviewNeedsReview {
		t.Errorf("t n enter: %+v", store.Entries["1111aaaa2222bbbb"])
	}
	keys(m, "t", "u")
	if _, ok := store.Entries["1111aaaa2222bbbb"]; ok {
		t.Error("t u does not remove the review")
	}
	if back, _ := report.LoadReviews(filepath.Dir(filepath.Dir(store.Path))); len(back.Entries) != 0 {
		t.Errorf("unmarking is not saved: %v", back.Entries)
	}
}

func TestTriageSaveFailureIsShown(t *testing.T) {
	dir := t.TempDir()
	// .sleuth is a file, so the store cannot be written.
	os.WriteFile(filepath.Join(dir, ".sleuth"), []byte("x"), 0o644)
	store := &report.Reviews{Path: report.ReviewPath(dir), Entries: map[string]analyzers.Review{}}
	m, _ := newTestModel(t, Options{Reviews: store})
	keys(m, "t", "c", "enter")
	if !m.statusErr || !strings.Contains(m.View(), "triage not saved") {
		t.Errorf("a failed save must say so:\n%s", m.View())
	}
	if f, _ := m.Selected(); f.Review != nil {
		t.Error("a review that was not saved is shown as if it were")
	}
}

func TestExistingReviewsAreShown(t *testing.T) {
	dir := t.TempDir()
	store, _ := report.LoadReviews(dir)
	store.Set("3333cccc4444dddd", analyzers.ReviewConfirmed, "owner is an EOA", fixedNow)
	m, _ := newTestModel(t, Options{Reviews: store})
	if !strings.Contains(m.View(), "MED  + tx-origin") {
		t.Errorf("a stored review is not marked in the list:\n%s", m.View())
	}
}

func TestExportMarkdownWritesTheView(t *testing.T) {
	out := filepath.Join(t.TempDir(), "view.md")
	m, _ := newTestModel(t, Options{ExportPath: out})
	keys(m, "/", "vault.kill", "enter", "M")
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "selfdestruct") || strings.Contains(string(data), "tx.origin") {
		t.Errorf("export should hold only the filtered finding:\n%s", data)
	}
	if !strings.Contains(m.View(), "exported 1 findings to") {
		t.Errorf("status: %s", m.View())
	}
}

func TestCopyLocation(t *testing.T) {
	var copied string
	m, _ := newTestModel(t, Options{Copy: func(s string) error { copied = s; return nil }})
	keys(m, "down", "enter", "tab", "y")
	if copied != "src/Vault.sol:16:9" {
		t.Errorf("copied %q, want the shown related location", copied)
	}
	if !strings.Contains(m.View(), "copied src/Vault.sol:16:9") {
		t.Errorf("status: %s", m.View())
	}
}

func TestEditorWithoutEditorSaysHow(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("e")})
	if cmd != nil || !strings.Contains(m.View(), "set $EDITOR") {
		t.Errorf("e without an editor: cmd %v, view:\n%s", cmd, m.View())
	}
	m2, _ := newTestModel(t, Options{Editor: "true"})
	if _, cmd := m2.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("e")}); cmd == nil {
		t.Error("e with an editor returns no command")
	}
}

// TestViewFitsTheTerminal checks every screen at small, standard and large
// sizes: exactly the terminal's height, no line wider than it.
func TestViewFitsTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {40, 10}, {200, 60}} {
		m, _ := newTestModel(t, Options{Color: true})
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		check := func(screen string) {
			lines := strings.Split(m.View(), "\n")
			if len(lines) != size[1] {
				t.Errorf("%dx%d %s: %d lines", size[0], size[1], screen, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%dx%d %s: line %d is %d wide: %q", size[0], size[1], screen, i, w, l)
				}
			}
		}
		check("list")
		keys(m, "down", "enter")
		check("finding")
		keys(m, "?")
		check("help")
	}
}

func TestMonochromeHasNoEscapes(t *testing.T) {
	m, _ := newTestModel(t, Options{Color: false})
	for _, step := range []string{"", "enter", "?"} {
		if step != "" {
			keys(m, step)
		}
		if v := m.View(); strings.Contains(v, "\x1b") {
			t.Errorf("monochrome view after %q has escape sequences: %q", step, v)
		}
	}
	c, _ := newTestModel(t, Options{Color: true})
	keys(c, "enter")
	if !strings.Contains(c.View(), "\x1b[") {
		t.Error("the colour view has no colour")
	}
}

func TestHelpListsEveryKey(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	keys(m, "?")
	v := m.View()
	for _, b := range append(append([]binding{}, listKeys...), findingKeys...) {
		if !strings.Contains(v, b.keys) || !strings.Contains(v, b.help) {
			t.Errorf("help lacks %q %q:\n%s", b.keys, b.help, v)
		}
	}
	keys(m, "j")
	if m.showHelp {
		t.Error("a key does not close the help")
	}
}

func TestBurstOfKeysIsSplit(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	// A terminal delivers fast typing as one message: "/" then the filter.
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/suicidal")})
	if m.mode != filterMode || m.q.text != "suicidal" || len(m.Visible()) != 1 {
		t.Errorf("mode %d, filter %q, %d shown", m.mode, m.q.text, len(m.Visible()))
	}
}

func TestResizeKeepsSelectionVisible(t *testing.T) {
	m, _ := newTestModel(t, Options{})
	keys(m, "G")
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 6})
	if !strings.Contains(m.View(), "> INFO") {
		t.Errorf("selected row scrolled out after resize:\n%s", m.View())
	}
}

func TestNoFindings(t *testing.T) {
	doc := testDoc(t)
	doc.Findings = nil
	m, _ := newTestModel(t, Options{Doc: doc})
	keys(m, "enter", "t", "a", "y", "down")
	if !strings.Contains(m.View(), "No findings.") || m.screen != listScreen {
		t.Errorf("empty scan:\n%s", m.View())
	}
}

// TestOddFindingsDoNotPanic feeds the views findings real detectors should
// not produce but a report loaded from elsewhere might: no file, a file
// that is not there, lines past the end, reversed spans.
func TestOddFindingsDoNotPanic(t *testing.T) {
	doc := testDoc(t)
	doc.Findings = []analyzers.Finding{
		{ID: "a1", Detector: "x", Severity: "bogus"},
		{ID: "a2", Detector: "y", Severity: analyzers.Low, Location: analyzers.Location{File: "nope/Missing.sol", StartLine: 3}},
		{ID: "a3", Detector: "z", Severity: analyzers.High, Location: analyzers.Location{File: "src/Vault.sol", StartLine: 9999, StartColumn: 5, EndLine: 2, EndColumn: 1},
			Related: []analyzers.Related{{Location: analyzers.Location{}, Message: "nowhere"}}},
		{Detector: "no-id", Severity: analyzers.Medium, Message: "line\nbreaks\tand tabs"},
	}
	for _, size := range [][2]int{{80, 24}, {20, 6}, {160, 30}} {
		m, _ := newTestModel(t, Options{Doc: doc})
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for range len(doc.Findings) {
			keys(m, "enter", "tab", "tab", "pgdown", "down", "e", "y", "esc")
			_ = m.View()
			keys(m, "down")
		}
		keys(m, "G", "enter")
		if got := strings.Count(m.View(), "\n") + 1; got != size[1] {
			t.Errorf("%dx%d: the finding screen has %d lines", size[0], size[1], got)
		}
	}
	m, _ := newTestModel(t, Options{Doc: doc})
	keys(m, "/", "no-id", "enter", "t", "c", "enter")
	if !strings.Contains(m.View(), "no id") {
		t.Errorf("triaging a finding without an id should say why it cannot be stored:\n%s", m.View())
	}
}

// TestListKeepsLineNumbersInNarrowColumns: two findings of one detector in
// one long-named file differ only by line, so a narrow location column
// cuts the file name, never the line.
func TestListKeepsLineNumbersInNarrowColumns(t *testing.T) {
	doc := testDoc(t)
	long := "contracts/governance/TimelockControllerUpgradeable.sol"
	for i := range doc.Findings {
		doc.Findings[i].Location.File = long
		doc.Findings[i].Detector = "unprotected-state-write-" + strconv.Itoa(i)
	}
	doc.Sources = nil
	for _, width := range []int{80, 100, 140} {
		m, _ := newTestModel(t, Options{Doc: doc})
		m.Update(tea.WindowSizeMsg{Width: width, Height: 24})
		view := m.View()
		for _, line := range []string{":14  ", ":20  ", ":25  ", ":2  "} {
			if !strings.Contains(view, line) {
				t.Errorf("width %d: no row ends its location with %q:\n%s", width, line, view)
			}
		}
		if !regexp.MustCompile(`…\S*able(\.sol)?:14`).MatchString(view) {
			t.Errorf("width %d: the file name should be cut from the left:\n%s", width, view)
		}
	}
	// Where the name fits without its ".sol", that goes first.
	doc = testDoc(t)
	for i := range doc.Findings {
		doc.Findings[i].Location.File = "src/TxOriginWallet.sol"
	}
	m, _ := newTestModel(t, Options{Doc: doc})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 24}) // a 20-cell column: TxOriginWallet.sol:25 is 21
	if v := m.View(); !strings.Contains(v, " TxOriginWallet:25 ") || strings.Contains(v, "…Wallet") {
		t.Errorf("the location should drop .sol before cutting the name:\n%s", v)
	}
	// Short names take only the room they need.
	m, _ = newTestModel(t, Options{})
	if !strings.Contains(m.View(), "suicidal        Vault.sol:25  Vault.kill()") {
		t.Errorf("columns wider than their entries:\n%s", m.View())
	}
}

// TestStatusIsRetiredByTheNextKey: "copied …" answers the key before it
// and must not linger; the scan's own message stays.
func TestStatusIsRetiredByTheNextKey(t *testing.T) {
	var copied string
	m, _ := newTestModel(t, Options{Copy: func(s string) error { copied = s; return nil }})
	keys(m, "y")
	if copied == "" || !strings.Contains(m.View(), "copied src/Vault.sol:25:9") {
		t.Fatalf("y did not copy (%q):\n%s", copied, m.View())
	}
	keys(m, "down")
	if strings.Contains(m.View(), "copied") {
		t.Errorf("the status outlived the next key:\n%s", m.View())
	}

	m, _ = newTestModel(t, Options{Status: "none of the files in scope could be parsed"})
	keys(m, "y", "down", "s")
	if !strings.Contains(m.View(), "none of the files in scope could be parsed") {
		t.Errorf("the scan's status was retired:\n%s", m.View())
	}
}
