package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func renderText(t *testing.T, o TextOptions, doc Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := o.Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// frameOf renders the frame of one finding at loc in a file with content.
func frameOf(t *testing.T, content string, loc analyzers.Location) string {
	t.Helper()
	loc.File = "a.sol"
	doc := Document{
		Findings: []analyzers.Finding{{Detector: "d", Severity: analyzers.High, Message: "m", Location: loc}},
		Sources:  map[string]*source.File{"a.sol": source.NewFile("a.sol", "", []byte(content))},
	}
	out := renderText(t, TextOptions{Quiet: true}, doc)
	// Keep the frame only: drop the header and arrow, and the help line.
	lines := strings.Split(out, "\n")
	var keep []string
	for _, l := range lines[2:] {
		if strings.Contains(l, "= help") || l == "" {
			break
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n") + "\n"
}

func TestFrameSingleLine(t *testing.T) {
	got := frameOf(t, "a\nb = c + d;\n", analyzers.Location{StartLine: 2, StartColumn: 5, EndLine: 2, EndColumn: 10})
	want := "  |\n2 | b = c + d;\n  |     ^^^^^\n  |\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFrameTabs: a tab is four columns in the code and under it, so the
// carets stay under the span.
func TestFrameTabs(t *testing.T) {
	got := frameOf(t, "\tx\t= 1;\n", analyzers.Location{StartLine: 1, StartColumn: 2, EndLine: 1, EndColumn: 6})
	want := "  |\n1 |     x    = 1;\n  |     ^^^^^^^\n  |\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestFrameWideAndCombining: columns are characters; wide characters take
// two cells and combining marks none, and the carets follow.
func TestFrameWideAndCombining(t *testing.T) {
	// "e" and its combining accent are one cell; the span e´ = is three.
	got := frameOf(t, "s = \"日本\"; e\u0301 = 1;\n", analyzers.Location{StartLine: 1, StartColumn: 12, EndLine: 1, EndColumn: 16})
	want := "  |\n1 | s = \"日本\"; e\u0301 = 1;\n  |              ^^^\n  |\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestFrameUntrustedCharacters: escape sequences and bidirectional
// overrides in the source are shown, not obeyed.
func TestFrameUntrustedCharacters(t *testing.T) {
	src := "s = \"\x1b[2J\"; // \u202eevil\n"
	got := frameOf(t, src, analyzers.Location{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 2})
	if strings.ContainsRune(got, 0x1b) || strings.ContainsRune(got, 0x202e) {
		t.Errorf("raw control characters reached the terminal: %q", got)
	}
	if !strings.Contains(got, "␛[2J") || !strings.Contains(got, "<U+202E>evil") {
		t.Errorf("stand-ins missing: %q", got)
	}
	doc := Document{Findings: []analyzers.Finding{{Detector: "d\x1b[31m", Message: "bad \x1b]0;title\x07 \u2066x"}}}
	out := renderText(t, TextOptions{}, doc)
	if strings.ContainsAny(out, "\x1b\x07\u2066") {
		t.Errorf("raw control characters in the header: %q", out)
	}
}

func TestFrameMultiLine(t *testing.T) {
	src := "contract C {\n    function f() {\n        x = 1;\n    }\n}\n"
	// Starting mid-line: an underscore line leads to the start.
	got := frameOf(t, src, analyzers.Location{StartLine: 2, StartColumn: 18, EndLine: 4, EndColumn: 6})
	want := "  |\n" +
		"2 |       function f() {\n" +
		"  |  __________________^\n" +
		"3 | |         x = 1;\n" +
		"4 | |     }\n" +
		"  | |_____^\n" +
		"  |\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Starting at the first character of the line: a slash.
	got = frameOf(t, src, analyzers.Location{StartLine: 2, StartColumn: 5, EndLine: 4, EndColumn: 6})
	want = "  |\n" +
		"2 | /     function f() {\n" +
		"3 | |         x = 1;\n" +
		"4 | |     }\n" +
		"  | |_____^\n" +
		"  |\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A span that ends at column 1 of the next line (it took the newline)
	// does not draw that line.
	got = frameOf(t, src, analyzers.Location{StartLine: 3, StartColumn: 9, EndLine: 4, EndColumn: 1})
	if want := "  |\n3 |         x = 1;\n  |         ^^^^^^\n  |\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFrameLongSpanElided(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 20; i++ {
		b.WriteString("line\n")
	}
	got := frameOf(t, b.String(), analyzers.Location{StartLine: 2, StartColumn: 1, EndLine: 15, EndColumn: 5})
	want := "   |\n" +
		" 2 | / line\n" +
		" 3 | | line\n" +
		"...\n" +
		"14 | | line\n" +
		"15 | | line\n" +
		"   | |____^\n" +
		"   |\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFrameMissingSource: without the file, or past its end, the arrow
// stays and the frame goes; nothing panics.
func TestFrameMissingSource(t *testing.T) {
	doc := Document{Findings: []analyzers.Finding{
		{Detector: "d", Severity: analyzers.Low, Message: "gone", Location: analyzers.Location{File: "gone.sol", StartLine: 3, StartColumn: 1}},
		{Detector: "d", Severity: analyzers.Low, Message: "past", Location: analyzers.Location{File: "a.sol", StartLine: 99, StartColumn: 1, EndLine: 120}},
		{Detector: "d", Severity: analyzers.Low, Message: "whole file", Location: analyzers.Location{File: "a.sol"}},
		{Detector: "d", Severity: analyzers.Low, Message: "project", Location: analyzers.Location{}},
	}, Sources: map[string]*source.File{"a.sol": source.NewFile("a.sol", "", []byte("x\n"))}}
	out := renderText(t, TextOptions{Quiet: true}, doc)
	for _, want := range []string{" --> gone.sol:3:1\n", " --> a.sol:99:1\n", " --> a.sol\n", "low[d]: project\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestTextColor: colour only when asked for; the CLI decides from the TTY
// and NO_COLOR.
func TestTextColor(t *testing.T) {
	doc := goldenDoc(t)
	if out := renderText(t, TextOptions{}, doc); strings.Contains(out, "\x1b[") {
		t.Error("escape codes without Color")
	}
	out := renderText(t, TextOptions{Color: true}, doc)
	if !strings.Contains(out, "\x1b[1;31mhigh[reentrancy-eth]:\x1b[0m") || !strings.Contains(out, "\x1b[1;35m1 critical\x1b[0m") {
		t.Errorf("no colour with Color:\n%s", out)
	}
	// Stripped of its escapes, the coloured report is the plain one.
	if stripANSI(out) != renderText(t, TextOptions{}, doc) {
		t.Error("coloured and plain reports differ in more than colour")
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestTextDiagnosticsCapped(t *testing.T) {
	var ds []source.Diagnostic
	for i := 1; i <= 5; i++ {
		ds = append(ds, source.Diagnostic{File: "B.sol", Line: i, Column: 1, Severity: source.Error, Message: "bad"})
	}
	ds = append(ds, source.Diagnostic{File: "C.sol", Line: 1, Severity: source.Warning, Message: "meh"})
	doc := Document{Diagnostics: ds}
	out := renderText(t, TextOptions{}, doc)
	if n := strings.Count(out, "error: bad"); n != diagnosticsPerFile {
		t.Errorf("%d of B.sol's errors shown, want %d", n, diagnosticsPerFile)
	}
	if !strings.Contains(out, "note: 2 more diagnostics in B.sol (--verbose shows them)") {
		t.Errorf("no note about the hidden diagnostics:\n%s", out)
	}
	if !strings.Contains(out, "; 6 diagnostics: 5 errors, 1 warning") {
		t.Errorf("the summary counts all diagnostics:\n%s", out)
	}
	if out := renderText(t, TextOptions{Verbose: true}, doc); strings.Count(out, "error: bad") != 5 {
		t.Errorf("--verbose shows every diagnostic:\n%s", out)
	}
	out = renderText(t, TextOptions{Quiet: true}, doc)
	if strings.Contains(out, "warning") || strings.Contains(out, "scanned") {
		t.Errorf("quiet shows only findings and errors:\n%s", out)
	}
}

func TestTextSummary(t *testing.T) {
	out := renderText(t, TextOptions{}, Document{Stats: Stats{Files: 3, Lines: 1}})
	if want := "0 findings; 0 diagnostics\nscanned 3 files (1 line) in 0 ms\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	out = renderText(t, TextOptions{Verbose: true}, Document{Stats: Stats{Files: 1, Duration: 12500 * time.Millisecond,
		Stages: []Stage{{"parse", 12 * time.Second}, {"analyze", 500 * time.Millisecond}}}})
	if want := "scanned 1 file (0 lines) in 12.5 s (parse 12.0 s, analyze 500 ms)\n"; !strings.HasSuffix(out, want) {
		t.Errorf("got %q, want suffix %q", out, want)
	}
}

// TestTextOrder: file, line, column, detector — whatever order the
// findings came in.
func TestTextOrder(t *testing.T) {
	at := func(file string, line, col int, det string) analyzers.Finding {
		return analyzers.Finding{Detector: det, Severity: analyzers.Low, Message: "m",
			Location: analyzers.Location{File: file, StartLine: line, StartColumn: col}}
	}
	doc := Document{Findings: []analyzers.Finding{at("b.sol", 1, 1, "x"), at("a.sol", 10, 1, "x"), at("a.sol", 2, 5, "x"), at("a.sol", 2, 5, "a"), at("a.sol", 2, 1, "z")}}
	out := renderText(t, TextOptions{Quiet: true}, doc)
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, " --> ") || strings.HasPrefix(l, "  --> ") {
			got = append(got, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "-->")))
		}
	}
	want := "a.sol:2:1 a.sol:2:5 a.sol:2:5 a.sol:10:1 b.sol:1:1"
	if strings.Join(got, " ") != want {
		t.Errorf("order = %v, want %s", got, want)
	}
	if i, j := strings.Index(out, "low[a]"), strings.Index(out, "low[x]"); i > j {
		t.Error("same position: detector a before x")
	}
}

// TestWitnessLineShowsArguments: a witness step says what was called with
// which arguments and value, and falls back to the calldata when the call
// did not decode.
func TestWitnessLineShowsArguments(t *testing.T) {
	for _, c := range []struct {
		tx   analyzers.WitnessTx
		want string
	}{
		{analyzers.WitnessTx{From: "0xa", To: "0xb", Value: "5", Calldata: "0x2e1a7d4d", Function: "withdraw(uint256)", Args: []string{"amount: 1000"}},
			"0xa -> 0xb withdraw(uint256) with amount: 1000, sending 5 wei"},
		{analyzers.WitnessTx{From: "0xa", To: "0xb", Value: "0", Calldata: "0x853828b6", Function: "withdrawAll()"},
			"0xa -> 0xb withdrawAll()"},
		{analyzers.WitnessTx{From: "0xa", To: "0xb", Value: "0", Calldata: "0xdeadbeef", Args: []string{"ignored: 1"}},
			"0xa -> 0xb calldata 0xdeadbeef"},
	} {
		if got := witnessLine(c.tx); got != c.want {
			t.Errorf("witnessLine = %q, want %q", got, c.want)
		}
	}
}
