package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectorsCommand(t *testing.T) {
	fakeRegistry(t, reentrancyEth, timestamp, txOrigin)
	code, stdout, stderr := run(t, "detectors")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := "ID              SEVERITY  CONFIDENCE  CATEGORY           TITLE\n" +
		"reentrancy-eth  high      high        reentrancy         Reentrancy with ether\n" +
		"timestamp       low       low         time-manipulation  Block timestamp\n" +
		"tx-origin       medium    medium      tx-origin          tx.origin authorization\n"
	if stdout != want {
		t.Errorf("got\n%s\nwant\n%s", stdout, want)
	}

	_, stdout, _ = run(t, "detectors", "--format", "json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(stdout), &list); err != nil || len(list) != 3 || list[0]["id"] != "reentrancy-eth" || list[0]["recommendation"] != "Write state first. Or guard." {
		t.Errorf("json: %v %s", err, stdout)
	}
	if cwe, ok := list[1]["cwe"].([]any); !ok || len(cwe) != 0 {
		t.Errorf("cwe should be [] not null: %v", list[1]["cwe"])
	}

	_, stdout, _ = run(t, "detectors", "--format", "markdown")
	if !strings.HasPrefix(stdout, "# Detectors\n") || !strings.Contains(stdout, "\n## tx-origin\n") {
		t.Errorf("markdown:\n%s", stdout)
	}
	if code, _, stderr := run(t, "detectors", "--format", "xml"); code != ExitUsage || !strings.Contains(stderr, `unknown format "xml"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestDetectorsDoc: docs/detectors.md is `sleuth detectors --format
// markdown` over the real registry; `make docs` regenerates it.
func TestDetectorsDoc(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "detectors.md")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := run(t, "detectors", "--format", "markdown")
	if stdout != string(want) {
		t.Errorf("docs/detectors.md is out of date with the registry: run `make docs`")
	}
}

func TestExplain(t *testing.T) {
	fakeRegistry(t, reentrancyEth, timestamp, txOrigin)
	code, stdout, stderr := run(t, "explain", "reentrancy-eth")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"reentrancy-eth: Reentrancy with ether\n", "severity        high", "\nDescription\n  State written after a call.\n",
		"\nExploit scenario\n  Re-enter.\n", "\nRecommendation\n  Write state first. Or guard.\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, stdout)
		}
	}
	_, stdout, _ = run(t, "explain", "--format", "markdown", "tx-origin")
	if !strings.HasPrefix(stdout, "## tx-origin\n\n**tx.origin authorization**\n") {
		t.Errorf("markdown:\n%s", stdout)
	}

	for _, tt := range []struct{ id, want string }{
		{"tx-orign", `sleuth: unknown detector "tx-orign" (did you mean "tx-origin"?)` + "\n"},
		{"reentrancy", `(did you mean "reentrancy-eth"?)`},
		{"Timestamp", `(did you mean "timestamp"?)`},
		{"selfdestruct", `unknown detector "selfdestruct" (run 'sleuth detectors' for the list)`},
	} {
		code, stdout, stderr := run(t, "explain", tt.id)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) || stdout != "" {
			t.Errorf("%s: exit %d, stderr %q, want %q", tt.id, code, stderr, tt.want)
		}
	}
	if code, _, stderr := run(t, "explain"); code != ExitUsage || !strings.Contains(stderr, "accepts 1 arg") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}

	fakeRegistry(t)
	if code, _, stderr := run(t, "explain", "x"); code != ExitUsage || !strings.Contains(stderr, "no detectors are registered") {
		t.Errorf("empty registry: exit %d, stderr %q", code, stderr)
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"reentrancy-eth", "reentrancy-no-eth", "tx-origin", "suicidal", "timestamp", "weak-prng"}
	for in, want := range map[string]string{
		"tx-orign":       "tx-origin",
		"suicide":        "suicidal",
		"reentrancy":     "reentrancy-eth", // contained in two; the closer wins
		"reentrancy-eht": "reentrancy-eth",
		"weak-rng":       "weak-prng",
		"xyz":            "",
		"ab":             "",
		"":               "",
	} {
		if got := suggest(in, ids); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance = %d", d)
	}
}
