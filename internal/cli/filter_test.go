package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectorSelection(t *testing.T) {
	fakeRegistry(t, reentrancyEth, timestamp, txOrigin)
	ran := fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	for _, tt := range []struct {
		args []string
		ran  string
	}{
		{nil, "reentrancy-eth timestamp tx-origin"},
		{[]string{"--detectors", "tx-origin,timestamp"}, "timestamp tx-origin"},
		{[]string{"--detectors", "tx-origin", "--detectors", " timestamp "}, "timestamp tx-origin"},
		{[]string{"--exclude-detectors", "reentrancy-eth"}, "timestamp tx-origin"},
		{[]string{"--detectors", "tx-origin,timestamp", "--exclude-detectors", "timestamp"}, "tx-origin"},
	} {
		code, stdout, stderr := run(t, append(append([]string{"scan", "--fail-on", "none"}, tt.args...), dir)...)
		if code != ExitOK || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, stderr)
		}
		if got := strings.Join(*ran, " "); got != tt.ran {
			t.Errorf("%v: ran %s, want %s", tt.args, got, tt.ran)
		}
		if n := strings.Count(stdout, "]: "); n != len(strings.Fields(tt.ran)) {
			t.Errorf("%v: %d findings shown", tt.args, n)
		}
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--detectors", "tx-orgin"}, `sleuth: unknown detector "tx-orgin" (did you mean "tx-origin"?)` + "\n"},
		{[]string{"--exclude-detectors", "timestamp,reentrancy"}, `unknown detector "reentrancy" (did you mean "reentrancy-eth"?)`},
		{[]string{"--detectors", "nonsense"}, `unknown detector "nonsense" (run 'sleuth detectors' for the list)`},
		{[]string{"--detectors", "timestamp", "--exclude-detectors", "timestamp"}, "leave no detector to run"},
	} {
		code, stdout, stderr := run(t, append(append([]string{"scan"}, tt.args...), dir)...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestMinSeverity(t *testing.T) {
	fakeRegistry(t, reentrancyEth, timestamp, txOrigin)
	fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	code, stdout, _ := run(t, "scan", "--min-severity", "medium", "--fail-on", "low", dir)
	if strings.Contains(stdout, "low[timestamp]") || !strings.Contains(stdout, "medium[tx-origin]") {
		t.Errorf("low finding not hidden:\n%s", stdout)
	}
	if !strings.Contains(stdout, "2 findings: 1 high, 1 medium (1 hidden: 1 below --min-severity medium)") {
		t.Errorf("summary does not count the hidden finding:\n%s", stdout)
	}
	if code != ExitFindings {
		t.Errorf("exit %d", code)
	}
	// Exit codes follow what is shown: the only finding left is below
	// --fail-on.
	if code, _, _ := run(t, "scan", "--detectors", "timestamp,tx-origin", "--min-severity", "medium", "--fail-on", "high", dir); code != ExitOK {
		t.Errorf("exit %d, want 0", code)
	}
	if code, _, stderr := run(t, "scan", "--min-severity", "severe", dir); code != ExitUsage || !strings.Contains(stderr, `unknown --min-severity "severe"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestBaselineRoundTrip: --write-baseline records the findings; a later
// scan with --baseline hides them — even after lines were inserted above
// them — and exits on what remains.
func TestBaselineRoundTrip(t *testing.T) {
	fakeRegistry(t, reentrancyEth, timestamp, txOrigin)
	fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	base := filepath.Join(t.TempDir(), "baseline.json")

	// Baseline the tx-origin and timestamp findings only.
	code, _, stderr := run(t, "scan", "--detectors", "tx-origin,timestamp", "--write-baseline", base, dir)
	if code != ExitOK || stderr != "sleuth: wrote the ids of 2 findings to "+base+"\n" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(base)
	if !strings.HasPrefix(string(data), "{\n  \"schemaVersion\": 1,\n  \"baseline\": [\n") || strings.Count(string(data), `"`) != 8 {
		t.Errorf("baseline file:\n%s", data)
	}

	// Insert lines above everything: the ids must not move.
	edited := strings.Replace(bankSol, "contract Bank {", "// audited 2025-01\n\n// see SECURITY.md\ncontract Bank {", 1)
	if err := os.WriteFile(filepath.Join(dir, "Bank.sol"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "scan", "--baseline", base, dir)
	if code != ExitFindings || stderr != "" {
		t.Errorf("exit %d (the new high finding remains), stderr %q", code, stderr)
	}
	if strings.Contains(stdout, "tx-origin]") || strings.Contains(stdout, "timestamp]") || !strings.Contains(stdout, "high[reentrancy-eth]") {
		t.Errorf("baselined findings shown, or the new one hidden:\n%s", stdout)
	}
	if !strings.Contains(stdout, "1 finding: 1 high (2 hidden: 2 in the baseline)") {
		t.Errorf("summary:\n%s", stdout)
	}
	// Without the new detector, nothing remains: exit 0.
	if code, _, _ := run(t, "scan", "--baseline", base, "--fail-on", "low", "--exclude-detectors", "reentrancy-eth", dir); code != ExitOK {
		t.Errorf("exit %d, want 0 once everything is baselined", code)
	}

	// A JSON report is a baseline too.
	rep := filepath.Join(t.TempDir(), "r.json")
	run(t, "scan", "--json", rep, dir)
	code, stdout, _ = run(t, "scan", "--baseline", rep, dir)
	if code != ExitOK || !strings.Contains(stdout, "0 findings (3 hidden: 3 in the baseline)") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	files := tree(t, map[string]string{"bad.json": "{", "v2.json": `{"schemaVersion": 2, "baseline": []}`})
	for _, tt := range []struct{ file, want string }{
		{filepath.Join(files, "missing.json"), "--baseline: no such file or directory: "},
		{filepath.Join(files, "bad.json"), "not a sleuth baseline or JSON report"},
		{filepath.Join(files, "v2.json"), "schemaVersion 2 is not supported"},
	} {
		code, stdout, stderr := run(t, "scan", "--baseline", tt.file, dir)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) || stdout != "" {
			t.Errorf("%s: exit %d, stderr %q", tt.file, code, stderr)
		}
	}
	if code, _, stderr := run(t, "scan", "--write-baseline", filepath.Join(files, "no", "b.json"), dir); code != ExitUsage || !strings.Contains(stderr, "--write-baseline: no such file") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
