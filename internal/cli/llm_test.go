package cli

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ollama/ollama/api"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/llm"
	"github.com/sleuth-sec/sleuth/llm/ollamatest"
)

var fakeQwen = ollamatest.Model{Name: "qwen2.5-coder:7b", Family: "qwen2", ContextLength: 32768}

// examplesCopy copies examples/ to a temporary directory, so the verdict
// cache a scan writes under the scanned root stays out of the repository.
func examplesCopy(t *testing.T) string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sol") {
			b, err := os.ReadFile(filepath.Join("..", "..", "examples", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = string(b)
		}
	}
	return tree(t, files)
}

// fakeOllama starts a fake Ollama and points OLLAMA_HOST at it.
func fakeOllama(t *testing.T, respond ollamatest.Responder, models ...ollamatest.Model) *ollamatest.Server {
	t.Helper()
	s := ollamatest.New(respond, models...)
	t.Cleanup(s.Close)
	t.Setenv("OLLAMA_HOST", s.URL)
	return s
}

// judge answers tx-origin findings false-positive, everything else
// true-positive.
func judge(req *api.ChatRequest) string {
	if strings.Contains(req.Messages[1].Content, "- detector: tx-origin") {
		return ollamatest.Verdict("false-positive", 0.7, "Only the owner's own wallet is at risk here.")
	}
	return ollamatest.Verdict("true-positive", 0.9, "The flagged code does what the detector says.")
}

type llmReport struct {
	Findings    []analyzers.Finding `json:"findings"`
	Diagnostics []struct {
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
	Stats struct {
		Stages map[string]int `json:"stages"`
	} `json:"stats"`
}

func decodeLLMReport(t *testing.T, out string) llmReport {
	t.Helper()
	var r llmReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

func TestScanLLM(t *testing.T) {
	s := fakeOllama(t, judge, fakeQwen)
	dir := examplesCopy(t)
	code, out, errOut := run(t, "scan", "--llm", "--format", "json", "--fail-on", "none", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := decodeLLMReport(t, out)
	if len(r.Findings) < 10 || len(r.Diagnostics) != 0 {
		t.Fatalf("%d findings, diagnostics %v", len(r.Findings), r.Diagnostics)
	}
	fp, txOrigin := 0, 0
	for _, f := range r.Findings {
		if f.Detector == "tx-origin" {
			txOrigin++
		}
		if err := llm.ValidTriage(f.Triage); err != nil {
			t.Errorf("%s: %v", f.Detector, err)
			continue
		}
		if f.Triage.Verdict == analyzers.FalsePositive {
			fp++
		}
	}
	if fp == 0 || fp != txOrigin {
		t.Errorf("%d false positives, want the %d tx-origin findings (shown, not hidden)", fp, txOrigin)
	}
	if _, ok := r.Stats.Stages["llm"]; !ok {
		t.Errorf("no llm stage in %v", r.Stats.Stages)
	}
	if !strings.Contains(errOut, "triage by qwen2.5-coder:7b: ") || !strings.Contains(errOut, fmt.Sprintf("%d false positive", fp)) {
		t.Errorf("no triage summary on stderr: %s", errOut)
	}
	asked := len(s.Chats())

	// The rerun comes from .sleuth/cache, with Ollama gone.
	if _, err := os.Stat(filepath.Join(dir, ".sleuth", "cache", "llm")); err != nil {
		t.Fatalf("no cache: %v", err)
	}
	s.Close()
	code, again, errOut := run(t, "scan", "--llm", "--format", "json", "--fail-on", "none", dir)
	if code != 0 || string(normalise([]byte(again))) != string(normalise([]byte(out))) {
		t.Errorf("cached rerun differs (exit %d): %s", code, errOut)
	}
	if !strings.Contains(errOut, "from the cache") {
		t.Errorf("stderr: %s", errOut)
	}
	// --no-cache asks again, and with Ollama gone gets nothing.
	_, out, _ = run(t, "scan", "--llm", "--no-cache", "--format", "json", "--fail-on", "none", dir)
	if r := decodeLLMReport(t, out); r.Findings[0].Triage != nil || asked != len(r.Findings) {
		t.Errorf("--no-cache used the cache (%d asked, %d findings)", asked, len(r.Findings))
	}
}

func TestScanLLMHideFalsePositives(t *testing.T) {
	fakeOllama(t, judge, fakeQwen)
	dir := examplesCopy(t)
	_, shown, _ := run(t, "scan", "--llm", "--no-cache", "--format", "json", "--fail-on", "none", dir)
	code, out, errOut := run(t, "scan", "--llm", "--no-cache", "--hide-false-positives", "--fail-on", "none", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	txOrigin := 0
	for _, f := range decodeLLMReport(t, shown).Findings {
		if f.Detector == "tx-origin" {
			txOrigin++
		}
	}
	if strings.Contains(out, "tx-origin") || !strings.Contains(out, fmt.Sprintf("%d judged false positive by the model (--hide-false-positives)", txOrigin)) {
		t.Errorf("false positives not hidden, or hidden silently:\n%s", out)
	}
	_, js, _ := run(t, "scan", "--llm", "--no-cache", "--hide-false-positives", "--format", "json", "--fail-on", "none", dir)
	if a, b := len(decodeLLMReport(t, shown).Findings), len(decodeLLMReport(t, js).Findings); a-b != txOrigin {
		t.Errorf("%d findings shown, %d with the flag", a, b)
	}
}

func TestScanLLMText(t *testing.T) {
	fakeOllama(t, judge, fakeQwen)
	dir := examplesCopy(t)
	_, out, _ := run(t, "scan", "--llm", "--color", "never", "--fail-on", "none", dir)
	for _, want := range []string{
		"= triage: false-positive (confidence 0.70, qwen2.5-coder:7b): Only the owner's own wallet is at risk here.",
		"= triage: true-positive (confidence 0.90, qwen2.5-coder:7b)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	_, sarif, _ := run(t, "scan", "--llm", "--format", "sarif", "--fail-on", "none", dir)
	if !strings.Contains(sarif, `"triage": {`) || !strings.Contains(sarif, `"verdict": "false-positive"`) {
		t.Error("SARIF results carry no triage")
	}
}

func TestScanLLMNeverFailsTheScan(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	t.Setenv("OLLAMA_HOST", addr)
	dir := examplesCopy(t)
	for _, args := range [][]string{
		{"scan", "--llm", "--format", "json", "--fail-on", "none", dir},
		{"scan", "--llm", "--strict", "--format", "json", "--fail-on", "none", dir},
	} {
		code, out, errOut := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		r := decodeLLMReport(t, out)
		if len(r.Diagnostics) != 1 || r.Diagnostics[0].Severity != "warning" ||
			!strings.Contains(r.Diagnostics[0].Message, "start it with `ollama serve`") {
			t.Errorf("diagnostics %+v", r.Diagnostics)
		}
		for _, f := range r.Findings {
			if f.Triage != nil {
				t.Fatal("a verdict without Ollama")
			}
		}
	}
	// Findings still fail the run as they would without --llm.
	if code, _, _ := run(t, "scan", "--llm", dir); code != ExitFindings {
		t.Errorf("exit %d, want %d", code, ExitFindings)
	}
}

func TestScanLLMModelMissingAndPull(t *testing.T) {
	s := fakeOllama(t, judge)
	dir := examplesCopy(t)
	_, out, _ := run(t, "scan", "--llm", "--format", "json", "--fail-on", "none", dir)
	r := decodeLLMReport(t, out)
	if len(r.Diagnostics) != 1 || !strings.Contains(r.Diagnostics[0].Message, "rerun with --pull") {
		t.Errorf("diagnostics %+v", r.Diagnostics)
	}
	code, out, errOut := run(t, "scan", "--llm", "--pull", "--format", "json", "--fail-on", "none", dir)
	if code != 0 || len(s.Pulls()) != 1 || s.Pulls()[0] != "qwen2.5-coder:7b" {
		t.Fatalf("exit %d, pulls %v: %s", code, s.Pulls(), errOut)
	}
	for _, want := range []string{"not installed in Ollama; pulling it", "sleuth: pulling manifest", "sleuth: verifying sha256 digest", "sleuth: pulled qwen2.5-coder:7b"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if r := decodeLLMReport(t, out); r.Findings[0].Triage == nil {
		t.Error("no verdicts after the pull")
	}
}

func TestScanLLMPullProgressBar(t *testing.T) {
	fakeOllama(t, judge)
	pretendTerminal(t)
	dir := examplesCopy(t)
	_, _, errOut := run(t, "scan", "--llm", "--pull", "--format", "json", "--fail-on", "none", dir)
	if !strings.Contains(errOut, "█") || !strings.Contains(errOut, "100% 4.4 GB/4.4 GB") {
		t.Errorf("no progress bar on a terminal:\n%q", errOut)
	}
}

func TestScanLLMConfig(t *testing.T) {
	s := fakeOllama(t, judge, ollamatest.Model{Name: "codellama:13b", Family: "llama", ContextLength: 16384})
	dir := examplesCopy(t)
	if err := os.WriteFile(filepath.Join(dir, "sleuth.toml"), []byte("[llm]\nenabled = true\nmodel = \"codellama:13b\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := run(t, "scan", "--format", "json", "--fail-on", "none", dir)
	r := decodeLLMReport(t, out)
	if len(r.Findings) == 0 || r.Findings[0].Triage == nil || r.Findings[0].Triage.Model != "codellama:13b" {
		t.Fatalf("sleuth.toml's [llm] ignored: %s", errOut)
	}
	n := len(s.Chats())
	if _, out, _ = run(t, "scan", "--llm=false", "--format", "json", "--fail-on", "none", dir); decodeLLMReport(t, out).Findings[0].Triage != nil || len(s.Chats()) != n {
		t.Error("--llm=false did not turn triage off")
	}
}

func TestScanLLMUsageErrors(t *testing.T) {
	dir := examplesCopy(t)
	for _, args := range [][]string{
		{"scan", "--model", "x", dir},
		{"scan", "--hide-false-positives", dir},
		{"scan", "--pull", dir},
		{"scan", "--llm", "--llm-jobs", "0", dir},
		{"scan", "--llm", "--llm-timeout", "0s", dir},
		{"explain", "--llm", "reentrancy-eth"},
		{"explain", "--finding", "abc"},
		{"explain", "--finding", "ffffffff", dir},
		{"explain", "--model", "x", "--finding", "abc", dir},
	} {
		if code, _, errOut := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d: %s", args, code, ExitUsage, errOut)
		}
	}
}

func TestExplainFinding(t *testing.T) {
	s := fakeOllama(t, func(*api.ChatRequest) string {
		return "The balance is zeroed after the call, so a contract can re-enter withdrawAll.\n\n```solidity\nbalances[msg.sender] = 0;\n```"
	}, fakeQwen)
	dir := examplesCopy(t)
	_, out, _ := run(t, "scan", "--format", "json", "--fail-on", "none", "--detectors", "reentrancy-eth", dir)
	var id string
	for _, f := range decodeLLMReport(t, out).Findings {
		if f.Location.File == "EtherBank.sol" {
			id = f.ID
		}
	}
	code, out, errOut := run(t, "explain", "--finding", id[:8], "--color", "never", dir)
	if code != 0 || !strings.Contains(out, "high[reentrancy-eth]") || !strings.Contains(out, "Exploit scenario") {
		t.Fatalf("exit %d: %s\n%s", code, out, errOut)
	}
	code, out, errOut = run(t, "explain", "--finding", id, "--llm", "--color", "never", dir)
	if code != 0 || !strings.Contains(out, "qwen2.5-coder:7b explains") || !strings.Contains(out, "a contract can re-enter withdrawAll.\n\n```solidity") {
		t.Fatalf("exit %d: %s\n%s", code, out, errOut)
	}
	req := s.Chats()[0]
	if req.Stream != nil && !*req.Stream {
		t.Error("explain did not stream")
	}
	if !strings.Contains(req.Messages[1].Content, "UNTRUSTED-CODE-") {
		t.Error("explain's prompt does not fence the code")
	}
	// Ollama missing is a failure of the command the user asked for.
	s.Close()
	if code, _, errOut := run(t, "explain", "--finding", id, "--llm", dir); code != ExitFailure || !strings.Contains(errOut, "ollama serve") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
