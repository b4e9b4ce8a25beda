package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser"
)

func TestFormatsToStdout(t *testing.T) {
	fakeRegistry(t, reentrancyEth, txOrigin, timestamp)
	fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	for format, check := range map[string]func(string) bool{
		"text":  func(s string) bool { return strings.HasPrefix(s, "high[reentrancy-eth]: ") },
		"json":  func(s string) bool { return json.Valid([]byte(s)) && strings.Contains(s, `"schemaVersion": 1`) },
		"sarif": func(s string) bool { return json.Valid([]byte(s)) && strings.Contains(s, `"version": "2.1.0"`) },
		"markdown": func(s string) bool {
			return strings.HasPrefix(s, "# sleuth report\n") && strings.Contains(s, "### H-01: [High]")
		},
	} {
		code, stdout, stderr := run(t, "scan", "--format", format, dir)
		if code != ExitFindings || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", format, code, stderr)
		}
		if !check(stdout) {
			t.Errorf("%s: unexpected report:\n%s", format, stdout)
		}
	}
}

// TestSeveralFormatsAtOnce: --json, --sarif and --markdown write beside
// the terminal report.
func TestSeveralFormatsAtOnce(t *testing.T) {
	fakeRegistry(t, reentrancyEth, txOrigin, timestamp)
	fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	out := t.TempDir()
	j, s, m := filepath.Join(out, "r.json"), filepath.Join(out, "r.sarif"), filepath.Join(out, "r.md")
	code, stdout, stderr := run(t, "scan", "--json", j, "--sarif", s, "--markdown", m, "--fail-on", "none", dir)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "high[reentrancy-eth]: ") {
		t.Errorf("the terminal report should still go to stdout:\n%s", stdout)
	}
	data, _ := os.ReadFile(j)
	if r := decodeReport(t, string(data)); len(r.Findings) != 3 {
		t.Errorf("JSON has %d findings", len(r.Findings))
	}
	data, _ = os.ReadFile(s)
	var sarif struct {
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		}
	}
	if err := json.Unmarshal(data, &sarif); err != nil || len(sarif.Runs[0].Results) != 3 {
		t.Fatalf("SARIF: %v\n%s", err, data)
	}
	if fp := sarif.Runs[0].Results[0].PartialFingerprints["sleuthFindingId/v1"]; len(fp) != 32 {
		t.Errorf("fingerprint = %q", fp)
	}
	if root := sarif.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(root, "file:///") || !strings.HasSuffix(root, "/") {
		t.Errorf("%%SRCROOT%% = %q", root)
	}
	data, _ = os.ReadFile(m)
	if !strings.Contains(string(data), "```solidity\n") || !strings.Contains(string(data), "// <- flagged") {
		t.Errorf("Markdown lacks the code snippet:\n%s", data)
	}

	// With --output, nothing goes to stdout.
	code, stdout, _ = run(t, "scan", "--format", "sarif", "--output", filepath.Join(out, "o.sarif"), "--json", j, "--fail-on", "none", dir)
	if code != ExitOK || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	// Reports leave no temporary files behind.
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

func TestOutputConflicts(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	f := filepath.Join(t.TempDir(), "r")
	for _, args := range [][]string{
		{"--json", f, "--sarif", f},
		{"--output", f, "--markdown", f},
		{"--write-baseline", f, "--json", f},
	} {
		code, _, stderr := run(t, append(append([]string{"scan"}, args...), dir)...)
		if code != ExitUsage || !strings.Contains(stderr, "both write to") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	code, _, stderr := run(t, "scan", "--sarif", filepath.Join(f, "nope", "x.sarif"), dir)
	if code != ExitUsage || !strings.Contains(stderr, "--sarif: no such file or directory") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestColor: colour on a terminal, never in a pipe, never with NO_COLOR;
// --color overrides both ways.
func TestColor(t *testing.T) {
	fakeRegistry(t, reentrancyEth)
	fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm-256color")
	hasANSI := func(s string) bool { return strings.Contains(s, "\x1b[") }

	// stdout is a bytes.Buffer here: not a terminal.
	if _, stdout, _ := run(t, "scan", dir); hasANSI(stdout) {
		t.Errorf("escape codes in piped output:\n%q", stdout)
	}
	if _, stdout, _ := run(t, "scan", "--color", "always", dir); !hasANSI(stdout) {
		t.Error("--color always gives no colour")
	}

	pretendTerminal(t)
	if _, stdout, _ := run(t, "scan", dir); !hasANSI(stdout) || !strings.Contains(stdout, "\x1b[1;31mhigh[reentrancy-eth]:") {
		t.Errorf("no colour on a terminal:\n%q", stdout)
	}
	if _, stdout, _ := run(t, "scan", "--color", "never", dir); hasANSI(stdout) {
		t.Error("--color never gives colour")
	}
	out := filepath.Join(t.TempDir(), "r.txt")
	run(t, "scan", "--output", out, dir)
	if data, _ := os.ReadFile(out); hasANSI(string(data)) || len(data) == 0 {
		t.Errorf("a report file must never be coloured: %q", data)
	}
	t.Setenv("TERM", "dumb")
	if _, stdout, _ := run(t, "scan", dir); hasANSI(stdout) {
		t.Error("colour on TERM=dumb")
	}
	t.Setenv("TERM", "xterm")
	t.Setenv("NO_COLOR", "1")
	if _, stdout, _ := run(t, "scan", dir); hasANSI(stdout) {
		t.Error("colour despite NO_COLOR")
	}
	if _, stdout, _ := run(t, "explain", "reentrancy-eth"); hasANSI(stdout) {
		t.Error("explain: colour despite NO_COLOR")
	}
	if _, stdout, _ := run(t, "scan", "--color", "always", dir); !hasANSI(stdout) {
		t.Error("--color always must beat NO_COLOR")
	}
	if code, _, stderr := run(t, "scan", "--color", "sometimes", dir); code != ExitUsage || !strings.Contains(stderr, `unknown --color "sometimes"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestProgress: a spinner on a terminal's stderr for a slow stage, erased
// afterwards; none with --quiet or off a terminal.
func TestProgress(t *testing.T) {
	dir := tree(t, map[string]string{"Bank.sol": bankSol})
	fakeRegistry(t, reentrancyEth)
	fakeDetect(t, func(p *parser.Project, id string) []analyzers.Finding {
		time.Sleep(400 * time.Millisecond) // longer than the spinner's delay
		return nil
	})
	if _, _, stderr := run(t, "scan", dir); stderr != "" {
		t.Errorf("progress off a terminal: %q", stderr)
	}
	pretendTerminal(t)
	_, stdout, stderr := run(t, "scan", dir)
	if !strings.Contains(stderr, "analyzing 1 file with 1 detector") || !strings.HasSuffix(stderr, "\r\x1b[K") {
		t.Errorf("stderr = %q", stderr)
	}
	if strings.Contains(stdout, "analyzing") {
		t.Error("progress went to stdout")
	}
	if _, _, stderr := run(t, "scan", "--quiet", dir); stderr != "" {
		t.Errorf("progress with --quiet: %q", stderr)
	}
}

func TestQuietAndVerbose(t *testing.T) {
	fakeRegistry(t, reentrancyEth)
	fakeDetect(t, bankFindings(t))
	dir := tree(t, map[string]string{"Bank.sol": bankSol, "Broken.sol": brokenSol})

	_, stdout, stderr := run(t, "scan", "--quiet", dir)
	if strings.Contains(stdout, "scanned") || !strings.Contains(stdout, "high[reentrancy-eth]") || !strings.Contains(stdout, "error: ") || stderr != "" {
		t.Errorf("--quiet: stdout %q, stderr %q", stdout, stderr)
	}
	_, stdout, stderr = run(t, "scan", "--verbose", dir)
	for _, want := range []string{"sleuth: parse: 2 files in scope", "sleuth: analyze: 1 detector, 1 finding", "sleuth: diagnostics: Broken.sol: 1 error", "sleuth: writing text to standard output"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--verbose: stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, " ms (parse ") {
		t.Errorf("--verbose: no stage timings in the summary:\n%s", stdout)
	}
	if code, _, stderr := run(t, "scan", "-q", "-v", dir); code != ExitUsage || !strings.Contains(stderr, "--quiet and --verbose") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestFailedRunStillReports: exit 3, and the SARIF log says the execution
// was not successful.
func TestFailedRunStillReports(t *testing.T) {
	dir := tree(t, map[string]string{"Garbage.sol": "}}}} this is not Solidity {{{{\n"})
	s := filepath.Join(t.TempDir(), "r.sarif")
	code, _, stderr := run(t, "scan", "--sarif", s, dir)
	if code != ExitFailure || !strings.Contains(stderr, "could be parsed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	data, err := os.ReadFile(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"executionSuccessful": false`) {
		t.Errorf("SARIF does not record the failure:\n%s", data)
	}
}

func TestReportDate(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	_, stdout, _ := run(t, "scan", "--format", "markdown", dir)
	if !strings.Contains(stdout, "- **Date:** 2023-11-14\n") {
		t.Errorf("SOURCE_DATE_EPOCH not honoured:\n%s", stdout)
	}
}

// TestDeterministicReports: two scans of the same tree write the same
// SARIF and Markdown bytes (they carry no timings; the date is pinned).
func TestDeterministicReports(t *testing.T) {
	fakeRegistry(t, reentrancyEth, timestamp, txOrigin)
	fakeDetect(t, bankFindings(t))
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := tree(t, map[string]string{"Bank.sol": bankSol, "Broken.sol": brokenSol})
	for _, format := range []string{"sarif", "markdown"} {
		_, first, _ := run(t, "scan", "--format", format, dir)
		_, second, _ := run(t, "scan", "--format", format, dir)
		if first != second || first == "" {
			t.Errorf("%s: two scans differ", format)
		}
	}
}

// TestSARIFRoot: --sarif-root names every path relative to the directory
// around the scanned project (the repository, for code scanning), in the
// SARIF log only; JSON keeps the scanned root, as its contract says.
func TestSARIFRoot(t *testing.T) {
	fakeRegistry(t, reentrancyEth, txOrigin, timestamp)
	fakeDetect(t, bankFindings(t))
	repo := tree(t, map[string]string{"contracts/Bank.sol": bankSol, "README.md": "# repo\n"})
	out := t.TempDir()
	s, j := filepath.Join(out, "r.sarif"), filepath.Join(out, "r.json")
	code, _, stderr := run(t, "scan", "--sarif", s, "--json", j, "--sarif-root", repo, "--fail-on", "none", "-q",
		filepath.Join(repo, "contracts"))
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(s)
	uris := sarifURIs(t, data)
	if len(uris) != 3 {
		t.Fatalf("SARIF URIs %v", uris)
	}
	for _, u := range uris {
		if u != "contracts/Bank.sol" {
			t.Errorf("SARIF URI %q, want contracts/Bank.sol", u)
		}
	}
	if root := sarifRootURI(t, data); strings.HasSuffix(root, "/contracts/") || !strings.HasSuffix(root, "/") {
		t.Errorf("%%SRCROOT%% = %s, want the repository", root)
	}
	jdata, _ := os.ReadFile(j)
	if !strings.Contains(string(jdata), `"file": "Bank.sol"`) || strings.Contains(string(jdata), "contracts/") {
		t.Errorf("JSON paths changed:\n%s", jdata)
	}
	// --format sarif on standard output obeys it too.
	code, stdout, _ := run(t, "scan", "--format", "sarif", "--sarif-root", repo, "--fail-on", "none", filepath.Join(repo, "contracts"))
	if u := sarifURIs(t, []byte(stdout)); code != ExitOK || len(u) == 0 || u[0] != "contracts/Bank.sol" {
		t.Errorf("--format sarif: exit %d, URIs %v", code, u)
	}

	for _, tc := range []struct {
		root, want string
	}{
		{filepath.Join(repo, "nope"), "--sarif-root: no such file or directory"},
		{filepath.Join(repo, "README.md"), "--sarif-root: not a directory"},
		{t.TempDir(), "is not inside"},
	} {
		code, _, stderr := run(t, "scan", "--sarif", s, "--sarif-root", tc.root, filepath.Join(repo, "contracts"))
		if code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("--sarif-root %s: exit %d, stderr %q, want %q", tc.root, code, stderr, tc.want)
		}
	}
}
