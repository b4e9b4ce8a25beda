package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// TestWriteJSONEmpty pins the whole document byte for byte: this is the
// contract other tools parse.
func TestWriteJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	doc := Document{Stats: Stats{Files: 2, Lines: 40, Duration: 12*time.Millisecond + 900*time.Microsecond,
		Stages: []Stage{{"parse", 7 * time.Millisecond}, {"analyze", 3 * time.Millisecond}}}}
	if err := WriteJSON(&b, doc); err != nil {
		t.Fatal(err)
	}
	want := `{
  "schemaVersion": 1,
  "tool": {
    "name": "sleuth",
    "version": "` + version.Version + `"
  },
  "findings": [],
  "diagnostics": [],
  "stats": {
    "files": 2,
    "lines": 40,
    "durationMs": 12,
    "stages": {
      "parse": 7,
      "analyze": 3
    }
  }
}
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteJSONNoStages(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, Document{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"stages": {}`) {
		t.Errorf("stages should be an empty object:\n%s", b.String())
	}
}

// TestWriteJSONFinding checks the finding object against the example in
// DESIGN.md: every key present, null for absent stages, [] for empty lists,
// no contract/function on related locations.
func TestWriteJSONFinding(t *testing.T) {
	f := analyzers.Finding{
		ID: "9f2c", Detector: "reentrancy-eth", Title: "Reentrancy", Message: "Bank.withdraw writes <balances> after the call",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatReentrancy,
		SWC: "SWC-107", CWE: []string{"CWE-841"},
		Location: analyzers.Location{File: "src/Bank.sol", StartLine: 21, StartColumn: 9, EndLine: 21, EndColumn: 52,
			Contract: "Bank", Function: "withdraw(uint256)"},
		Related: []analyzers.Related{{Location: analyzers.Location{File: "src/Bank.sol", StartLine: 23, StartColumn: 9, EndLine: 23, EndColumn: 40},
			Message: "state written after the call"}},
	}
	doc := decode(t, Document{Findings: []analyzers.Finding{f}, Diagnostics: []source.Diagnostic{
		{File: "src/Broken.sol", Line: 3, Column: 7, Severity: source.Error, Message: "missing ';'"},
	}})
	got := doc["findings"].([]any)[0].(map[string]any)
	for _, key := range []string{"id", "detector", "title", "message", "severity", "confidence", "category",
		"swc", "cwe", "location", "related", "symbolic", "triage"} {
		if _, ok := got[key]; !ok {
			t.Errorf("finding lacks %q", key)
		}
	}
	if len(got) != 13 {
		t.Errorf("finding has %d keys, want 13: %v", len(got), got)
	}
	if got["symbolic"] != nil || got["triage"] != nil {
		t.Errorf("symbolic and triage should be null: %v %v", got["symbolic"], got["triage"])
	}
	if got["message"] != f.Message {
		t.Errorf("message = %q", got["message"])
	}
	loc := got["location"].(map[string]any)
	if loc["function"] != "withdraw(uint256)" || loc["startColumn"] != 9.0 {
		t.Errorf("location = %v", loc)
	}
	rel := got["related"].([]any)[0].(map[string]any)["location"].(map[string]any)
	if _, ok := rel["contract"]; ok {
		t.Errorf("related location should omit contract: %v", rel)
	}
	d := doc["diagnostics"].([]any)[0].(map[string]any)
	if d["file"] != "src/Broken.sol" || d["line"] != 3.0 || d["column"] != 7.0 || d["severity"] != "error" {
		t.Errorf("diagnostic = %v", d)
	}
}

func TestWriteJSONEmptyListsAndEvidence(t *testing.T) {
	f := analyzers.Finding{Detector: "tx-origin", Severity: analyzers.Medium,
		Symbolic: &analyzers.Symbolic{Status: analyzers.Unknown},
		Triage:   &analyzers.Triage{Verdict: analyzers.Uncertain, Confidence: 0.5, Model: "m"}}
	got := decode(t, Document{Findings: []analyzers.Finding{f}})["findings"].([]any)[0].(map[string]any)
	if cwe, ok := got["cwe"].([]any); !ok || len(cwe) != 0 {
		t.Errorf("cwe = %#v, want []", got["cwe"])
	}
	if rel, ok := got["related"].([]any); !ok || len(rel) != 0 {
		t.Errorf("related = %#v, want []", got["related"])
	}
	sym := got["symbolic"].(map[string]any)
	if w, ok := sym["witness"].([]any); !ok || len(w) != 0 || sym["status"] != "unknown" || sym["replayed"] != false {
		t.Errorf("symbolic = %#v", sym)
	}
	tr := got["triage"].(map[string]any)
	if tr["verdict"] != "uncertain" || tr["confidence"] != 0.5 || len(tr) != 6 {
		t.Errorf("triage = %#v", tr)
	}
}

func TestWriteJSONSortsFindings(t *testing.T) {
	at := func(file string, line, col int, det string) analyzers.Finding {
		return analyzers.Finding{Detector: det, Location: analyzers.Location{File: file, StartLine: line, StartColumn: col}}
	}
	in := []analyzers.Finding{
		at("b.sol", 1, 1, "x"),
		at("a.sol", 10, 1, "x"),
		at("a.sol", 2, 5, "x"),
		at("a.sol", 2, 5, "a"),
		at("a.sol", 2, 1, "z"),
	}
	orig := append([]analyzers.Finding(nil), in...)
	fs := decode(t, Document{Findings: in})["findings"].([]any)
	var got []string
	for _, f := range fs {
		m := f.(map[string]any)
		l := m["location"].(map[string]any)
		got = append(got, l["file"].(string)+":"+jsonInt(l["startLine"])+":"+jsonInt(l["startColumn"])+":"+m["detector"].(string))
	}
	want := []string{"a.sol:2:1:z", "a.sol:2:5:a", "a.sol:2:5:x", "a.sol:10:1:x", "b.sol:1:1:x"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order = %v, want %v", got, want)
	}
	for i := range in {
		if in[i].Location != orig[i].Location || in[i].Detector != orig[i].Detector {
			t.Fatal("WriteJSON reordered the caller's slice")
		}
	}
}

func decode(t *testing.T, doc Document) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "}\n") {
		t.Errorf("no trailing newline")
	}
	var out map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	return out
}

func jsonInt(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestWriteJSONKeepsSolidityReadable: messages quote Solidity, and "<",
// ">" and "&" stay themselves in every part of a finding rather than
// turning into \u003c escapes (which decode the same but read badly);
// a literal backslash-u in the source survives the round trip as text.
func TestWriteJSONKeepsSolidityReadable(t *testing.T) {
	f := analyzers.Finding{ID: "x", Detector: "tautology", Title: "a < b && c > d",
		Message:  `compiled with solc < 0.5 & "\u003c" is text`,
		Related:  []analyzers.Related{{Message: "x >= y"}},
		Triage:   &analyzers.Triage{Verdict: analyzers.Uncertain, Rationale: "a<b"},
		Location: analyzers.Location{File: "a&b.sol", StartLine: 1}}
	var b bytes.Buffer
	if err := WriteJSON(&b, Document{Findings: []analyzers.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"a < b && c > d"`, `solc < 0.5 & \"\\u003c\" is text`, `"x >= y"`, `"a<b"`, `"a&b.sol"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %s:\n%s", want, out)
		}
	}
	if regexp.MustCompile(`[^\\]\\u00(3c|3e|26)`).MatchString(out) {
		t.Errorf("HTML escapes in the report:\n%s", out)
	}
	var back struct {
		Findings []analyzers.Finding `json:"findings"`
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Findings) != 1 || back.Findings[0].Message != f.Message {
		t.Errorf("round trip: %v %+v", err, back.Findings)
	}
}
