package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
)

const (
	cleanSol = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Counter {
    uint256 public count;

    function increment() external {
        count += 1;
    }
}
`
	// brokenSol lacks the closing parenthesis of f's parameter list.
	brokenSol = `pragma solidity ^0.8.20;

contract Broken {
    function f(uint256 a public {}
}
`
)

// run drives the CLI in-process and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// tree writes files (name → content) into a fresh directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestScanCleanFile(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	for _, target := range []string{dir, filepath.Join(dir, "Counter.sol")} {
		code, stdout, stderr := run(t, "scan", target)
		if code != ExitOK {
			t.Errorf("scan %s: exit %d, want 0; stderr:\n%s", target, code, stderr)
		}
		if !strings.HasPrefix(stdout, "0 findings; 0 diagnostics\nscanned 1 file (10 lines) in ") || !strings.HasSuffix(stdout, " ms\n") {
			t.Errorf("scan %s: stdout = %q", target, stdout)
		}
		if stderr != "" {
			t.Errorf("scan %s: stderr = %q, want nothing", target, stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	missing := filepath.Join(dir, "nope") + "/"
	tests := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"no arguments", nil, "Usage:"},
		{"no path", []string{"scan"}, "sleuth: scan: no PATH given\nsleuth: run 'sleuth scan --help' for usage\n"},
		{"unknown flag", []string{"scan", "--bogus", dir}, "sleuth: unknown flag: --bogus\n"},
		{"misspelt flag", []string{"scan", "--fromat", "json", dir}, "sleuth: unknown flag: --fromat (did you mean --format?)\n"},
		{"misspelt flag with value", []string{"scan", "--fail-onn=high", dir}, "unknown flag: --fail-onn (did you mean --fail-on?)"},
		{"misspelt global flag", []string{"scan", "--colour", "never", dir}, "unknown flag: --colour (did you mean --color?)"},
		{"misspelt flag of another command", []string{"tui", "--min-severty", "high", dir}, "(did you mean --min-severity?)"},
		{"unknown shorthand", []string{"scan", "-z", dir}, "unknown shorthand flag: 'z'"},
		{"flag without value", []string{"scan", dir, "--format"}, "flag needs an argument: --format"},
		{"bad format", []string{"scan", "--format", "xml", dir}, `sleuth: unknown format "xml" (want text, json, sarif or markdown)` + "\n"},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", dir}, `unknown --fail-on severity "severe"`},
		{"bad bool", []string{"scan", "--strict=maybe", dir}, `invalid argument "maybe"`},
		{"missing path", []string{"scan", missing}, "sleuth: no such file or directory: " + missing + "\n"},
		{"one of several paths missing", []string{"scan", dir, missing}, "no such file or directory: " + missing},
		{"bad exclude glob", []string{"scan", "--exclude", "src/[", dir}, `invalid exclude pattern "src/["`},
		{"output into a missing directory", []string{"scan", "--output", filepath.Join(dir, "no", "r.json"), dir}, "--output: no such file or directory"},
		{"output is a directory", []string{"scan", "--output", dir, dir}, "is a directory"},
		{"unknown command", []string{"scna", dir}, "unknown command \"scna\" for \"sleuth\"\n\nDid you mean this?\n\tscan\n"},
		{"version takes no arguments", []string{"version", "now"}, "unknown command \"now\" for \"sleuth version\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, ExitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing on a usage error", stdout)
			}
		})
	}
}

func TestNothingToScan(t *testing.T) {
	tests := map[string]map[string]string{
		"empty directory":          {},
		"no Solidity":              {"README.md": "# hi\n", "src/a.vy": "# vyper\n"},
		"only tests, not opted in": {"test/Counter.t.sol": cleanSol},
	}
	for name, files := range tests {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := run(t, "scan", tree(t, files))
			if code != ExitFailure {
				t.Errorf("exit %d, want %d", code, ExitFailure)
			}
			if !strings.Contains(stderr, "sleuth: no Solidity files found in ") {
				t.Errorf("stderr = %q", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want no report", stdout)
			}
		})
	}
}

// TestScopeFlags checks that the scope flags reach the loader, on a
// Foundry project where tests and lib/ are out of scope by default.
func TestScopeFlags(t *testing.T) {
	dir := tree(t, map[string]string{
		"foundry.toml":       "[profile.default]\n",
		"src/Vault.sol":      "pragma solidity ^0.8.0;\nimport \"../lib/dep/Dep.sol\";\ncontract Vault is Dep {}\n",
		"test/Vault.t.sol":   "pragma solidity ^0.8.0;\nimport \"../src/Vault.sol\";\ncontract VaultTest {}\n",
		"lib/dep/Dep.sol":    "pragma solidity ^0.8.0;\ncontract Dep {}\n",
		"lib/dep/Unused.sol": "pragma solidity ^0.8.0;\ncontract Unused {}\n",
	})
	tests := []struct {
		flags []string
		files int
	}{
		{nil, 1},
		{[]string{"--include-tests"}, 2},
		{[]string{"--include-deps"}, 2}, // Dep.sol, imported; not Unused.sol
		{[]string{"--include-tests", "--include-deps"}, 3},
		{[]string{"--include-tests", "--exclude", "test/**"}, 1},
		{[]string{"--include-tests", "--exclude", "src/*.sol", "--exclude", "*.t.sol"}, 0},
	}
	for _, tt := range tests {
		args := append(append([]string{"scan"}, tt.flags...), dir)
		code, stdout, stderr := run(t, args...)
		if tt.files == 0 {
			if code != ExitFailure || !strings.Contains(stderr, "check the --exclude patterns") {
				t.Errorf("%v: exit %d, stderr %q; want exit 3 and a hint about --exclude", tt.flags, code, stderr)
			}
			continue
		}
		want := fmt.Sprintf("\nscanned %d file", tt.files)
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", tt.flags, code, stdout, stderr, want)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	dir := tree(t, map[string]string{"Broken.sol": brokenSol, "Counter.sol": cleanSol})

	// Without --strict a syntax error is a diagnostic: reported, exit 0.
	code, stdout, stderr := run(t, "scan", dir)
	if code != ExitOK {
		t.Errorf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, " --> Broken.sol:4:") || !strings.HasPrefix(stdout, "error: ") {
		t.Errorf("stdout lacks the diagnostic:\n%s", stdout)
	}
	if !strings.Contains(stdout, "scanned 2 files") {
		t.Errorf("stdout lacks the summary:\n%s", stdout)
	}

	// With --strict the run fails, after writing the report.
	code, stdout, stderr = run(t, "scan", "--strict", dir)
	if code != ExitFailure {
		t.Errorf("--strict: exit %d, want %d", code, ExitFailure)
	}
	if !strings.Contains(stdout, "Broken.sol:4:") {
		t.Errorf("--strict: the report should still be written:\n%s", stdout)
	}
	if !strings.Contains(stderr, "sleuth: --strict: ") || !strings.Contains(stderr, " in 1 file\n") {
		t.Errorf("--strict: stderr = %q", stderr)
	}

	// --strict on clean input is no failure.
	if code, _, stderr := run(t, "scan", "--strict", filepath.Join(dir, "Counter.sol")); code != ExitOK {
		t.Errorf("--strict on a clean file: exit %d; stderr %s", code, stderr)
	}
}

func TestNothingParsable(t *testing.T) {
	dir := tree(t, map[string]string{"Garbage.sol": "}}}} this is not Solidity {{{{\n"})
	code, _, stderr := run(t, "scan", dir)
	if code != ExitFailure {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, ExitFailure, stderr)
	}
	if !strings.Contains(stderr, "could be parsed") {
		t.Errorf("stderr = %q", stderr)
	}
}

// jsonReport is the part of the contract the CLI tests check.
type jsonReport struct {
	SchemaVersion int `json:"schemaVersion"`
	Tool          struct {
		Name, Version string
	} `json:"tool"`
	Findings    []json.RawMessage `json:"findings"`
	Diagnostics []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
	Stats struct {
		Files      int              `json:"files"`
		Lines      int              `json:"lines"`
		DurationMs int64            `json:"durationMs"`
		Stages     map[string]int64 `json:"stages"`
	} `json:"stats"`
}

func decodeReport(t *testing.T, data string) jsonReport {
	t.Helper()
	var r jsonReport
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("report is not the JSON contract: %v\n%s", err, data)
	}
	return r
}

func TestJSONReport(t *testing.T) {
	dir := tree(t, map[string]string{"src/Broken.sol": brokenSol, "src/Counter.sol": cleanSol})
	code, stdout, stderr := run(t, "scan", "--format", "json", dir)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	r := decodeReport(t, stdout)
	if r.SchemaVersion != 1 || r.Tool.Name != "sleuth" || r.Tool.Version != version.Version {
		t.Errorf("header = %d %+v", r.SchemaVersion, r.Tool)
	}
	if !strings.Contains(stdout, `"findings": [],`) || r.Findings == nil {
		t.Errorf("findings should be an empty array:\n%s", stdout)
	}
	if r.Stats.Files != 2 || r.Stats.Lines != 15 {
		t.Errorf("stats = %+v, want 2 files, 15 lines", r.Stats)
	}
	if _, ok := r.Stats.Stages["parse"]; !ok {
		t.Errorf("stats.stages lacks parse: %v", r.Stats.Stages)
	}
	if len(r.Diagnostics) == 0 {
		t.Fatalf("no diagnostics for the syntax error:\n%s", stdout)
	}
	d := r.Diagnostics[0]
	// Paths are relative to the scanned root, with forward slashes.
	if d.File != "src/Broken.sol" || d.Line != 4 || d.Column < 1 || d.Severity != "error" || d.Message == "" {
		t.Errorf("diagnostic = %+v, want src/Broken.sol:4:<col> error", d)
	}
}

func TestJSONReportClean(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	_, stdout, _ := run(t, "scan", "--format=json", dir)
	if !strings.Contains(stdout, `"diagnostics": [],`) {
		t.Errorf("diagnostics should be an empty array:\n%s", stdout)
	}
	decodeReport(t, stdout)
}

func TestOutputFile(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	for _, format := range []string{"json", "text"} {
		out := filepath.Join(t.TempDir(), "report."+format)
		code, stdout, stderr := run(t, "scan", "--format", format, "--output", out, dir)
		if code != ExitOK || stdout != "" || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", format, code, stdout, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if format == "json" {
			decodeReport(t, string(data))
		} else if !strings.HasPrefix(string(data), "0 findings; 0 diagnostics\nscanned 1 file ") {
			t.Errorf("text report = %q", data)
		}
	}
	// -o is the short form.
	out := filepath.Join(t.TempDir(), "r.txt")
	if code, _, _ := run(t, "scan", "-o", out, dir); code != ExitOK {
		t.Errorf("-o: exit %d", code)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("-o did not write the file: %v", err)
	}
}

// TestFailOn checks the threshold against injected findings: the detectors
// that will produce them do not exist yet.
func TestFailOn(t *testing.T) {
	dir := tree(t, map[string]string{"Bank.sol": cleanSol})
	defer func(old detectFunc) { detect = old }(detect)
	detect = func(*parser.Project, []*analyzers.Analyzer) ([]analyzers.Finding, []source.Diagnostic) {
		return []analyzers.Finding{
			{Detector: "timestamp", Severity: analyzers.Low, Message: "uses block.timestamp",
				Location: analyzers.Location{File: "Bank.sol", StartLine: 8, StartColumn: 9}},
			{Detector: "reentrancy-eth", Severity: analyzers.High, Message: "state written after the call",
				Location: analyzers.Location{File: "Bank.sol", StartLine: 7, StartColumn: 9}},
		}, nil
	}
	tests := []struct {
		args []string
		want int
	}{
		{nil, ExitFindings}, // default is high
		{[]string{"--fail-on", "critical"}, ExitOK},
		{[]string{"--fail-on", "high"}, ExitFindings},
		{[]string{"--fail-on", "info"}, ExitFindings},
		{[]string{"--fail-on", "none"}, ExitOK},
	}
	for _, tt := range tests {
		args := append([]string{"scan"}, tt.args...)
		code, stdout, stderr := run(t, append(args, dir)...)
		if code != tt.want {
			t.Errorf("%v: exit %d, want %d; stderr %q", tt.args, code, tt.want, stderr)
		}
		// Exit 1 is an answer, not an error: nothing on stderr.
		if stderr != "" {
			t.Errorf("%v: stderr = %q", tt.args, stderr)
		}
		if !strings.HasPrefix(stdout, "high[reentrancy-eth]: state written after the call\n --> Bank.sol:7:9\n") ||
			!strings.Contains(stdout, "\nlow[timestamp]: uses block.timestamp\n --> Bank.sol:8:9\n") ||
			!strings.Contains(stdout, "\n2 findings: 1 high, 1 low; 0 diagnostics\n") {
			t.Errorf("%v: stdout = %q", tt.args, stdout)
		}
	}
}

func TestPanicBecomesExit3(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	defer func(old func(parser.Config) (*parser.Project, error)) { load = old }(load)
	load = func(parser.Config) (*parser.Project, error) { panic("boom") }
	t.Setenv("SLEUTH_DEBUG", "")
	code, _, stderr := run(t, "scan", dir)
	if code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	if !strings.HasPrefix(stderr, "sleuth: internal error: boom\n") || strings.Contains(stderr, "goroutine") {
		t.Errorf("stderr = %q", stderr)
	}
	t.Setenv("SLEUTH_DEBUG", "1")
	if _, _, stderr := run(t, "scan", dir); !strings.Contains(stderr, "goroutine") {
		t.Errorf("SLEUTH_DEBUG=1 should print the stack; stderr = %q", stderr)
	}
}

// TestLoadErrorIsUsage: parser.Load returns an error only for what the
// user must fix (its doc comment), so it is a configuration error.
func TestLoadErrorIsUsage(t *testing.T) {
	dir := tree(t, map[string]string{"Counter.sol": cleanSol})
	defer func(old func(parser.Config) (*parser.Project, error)) { load = old }(load)
	load = func(parser.Config) (*parser.Project, error) { return nil, errors.New("cannot scan x: gone") }
	if code, _, stderr := run(t, "scan", dir); code != ExitUsage || !strings.HasPrefix(stderr, "sleuth: cannot scan x: gone\n") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, stderr := run(t, args...)
		if code != ExitOK || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if !strings.HasPrefix(stdout, "sleuth "+version.Version+" (") || !strings.HasSuffix(stdout, ")\n") || strings.Count(stdout, "\n") != 1 {
			t.Errorf("%v: stdout = %q", args, stdout)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"scan", "--help"}, {"help", "scan"}, {"detectors", "--help"}, {"explain", "--help"}} {
		code, stdout, _ := run(t, args...)
		if code != ExitOK || !strings.Contains(stdout, "Usage:") {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
	}
	_, stdout, _ := run(t, "scan", "--help")
	for _, flag := range []string{"--format", "--output", "--json", "--sarif", "--markdown", "--fail-on", "--min-severity",
		"--detectors", "--exclude-detectors", "--baseline", "--write-baseline", "--strict", "--include-tests", "--include-deps",
		"--exclude", "--quiet", "--verbose", "--color"} {
		if !strings.Contains(stdout, flag) {
			t.Errorf("scan --help does not mention %s", flag)
		}
	}
}
