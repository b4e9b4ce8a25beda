package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/llm/ollamatest"
)

const examples = "../examples"

// truePositive answers every finding with a valid true-positive verdict.
func truePositive(*api.ChatRequest) string {
	return `{"rationale":"The balance is zeroed after the external call.","verdict":"true-positive","confidence":0.9,` +
		`"exploit":"Re-enter withdrawAll from receive().","fix":"Zero the balance before the call."}`
}

func triager(t *testing.T, s *ollamatest.Server, cfg Config) *Triager {
	t.Helper()
	if cfg.Model == "" {
		cfg.Model = "qwen2.5-coder:7b"
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = time.Millisecond
	}
	return NewTriager(clientFor(t, s), cfg)
}

func examplesFindings(t *testing.T) (*sema.Program, []analyzers.Finding) {
	t.Helper()
	prog, fs := scan(t, examples)
	if len(fs) < 10 {
		t.Fatalf("only %d findings in examples/", len(fs))
	}
	return prog, fs
}

func TestTriageSetsEveryVerdict(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	prog, fs := examplesFindings(t)
	before := make([]analyzers.Finding, len(fs))
	copy(before, fs)

	out := triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if out.Failed != 0 || len(out.Diagnostics) != 0 {
		t.Fatalf("failed %d: %v", out.Failed, out.Diagnostics)
	}
	if len(fs) != len(before) {
		t.Fatalf("triage changed the number of findings: %d → %d", len(before), len(fs))
	}
	for i, f := range fs {
		if err := ValidTriage(f.Triage); err != nil {
			t.Errorf("%s: %v", f.Detector, err)
			continue
		}
		if f.Triage.Model != "qwen2.5-coder:7b" || f.Triage.Verdict != analyzers.TruePositive || f.Triage.Confidence != 0.9 {
			t.Errorf("%s: %+v", f.Detector, f.Triage)
		}
		// Nothing but Triage changes.
		g := f
		g.Triage = nil
		if !reflect.DeepEqual(g, before[i]) {
			t.Errorf("finding %d changed beyond its triage", i)
		}
	}
	if out.Verdicts[analyzers.TruePositive] != len(fs) || !strings.Contains(out.Summary(), "true positives") {
		t.Errorf("outcome %+v, summary %q", out.Verdicts, out.Summary())
	}

	chats := s.Chats()
	if len(chats) != len(fs) {
		t.Fatalf("%d requests for %d findings", len(chats), len(fs))
	}
	req := chats[0]
	if req.Stream == nil || *req.Stream || len(req.Messages) != 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		t.Errorf("request shape: %+v", req)
	}
	var schema map[string]any
	if err := json.Unmarshal(req.Format, &schema); err != nil || schema["type"] != "object" {
		t.Errorf("format is not the verdict schema: %s", req.Format)
	}
	if req.Options["temperature"] != float64(0) || req.Options["num_ctx"] != float64(DefaultContextWindow) ||
		req.Options["seed"] != float64(Seed) || req.Options["num_predict"] != float64(DefaultMaxAnswer) {
		t.Errorf("options: %v", req.Options)
	}
}

func TestTriageRetriesMalformedOnce(t *testing.T) {
	var n atomic.Int32
	s := ollamatest.New(func(r *api.ChatRequest) string {
		if n.Add(1) == 1 {
			return `{"verdict": "probably", "confidence": 85}`
		}
		return truePositive(r)
	}, qwen)
	defer s.Close()
	prog, fs := examplesFindings(t)
	fs = fs[:1]
	out := triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage == nil || out.Failed != 0 {
		t.Fatalf("no verdict after a retry: %v", out.Diagnostics)
	}
	chats := s.Chats()
	if len(chats) != 2 {
		t.Fatalf("%d requests, want 2", len(chats))
	}
	// The retry says what was wrong, in the one user message that holds
	// the code: a second turn could push the code out of Ollama's window.
	first, retry := chats[0].Messages, chats[1].Messages
	if len(retry) != 2 || retry[0].Content != first[0].Content || !strings.HasPrefix(retry[1].Content, first[1].Content) ||
		!strings.Contains(retry[1].Content[len(first[1].Content):], `not valid: verdict "probably"`) {
		t.Errorf("the retry does not say what was wrong alongside the code: %+v", retry)
	}
}

func TestTriageNeverInventsAVerdict(t *testing.T) {
	for name, answer := range map[string]string{
		"prose":            "This looks like a true positive to me.",
		"bad verdict":      `{"rationale":"x","verdict":"maybe","confidence":0.5,"exploit":"","fix":""}`,
		"confidence range": `{"rationale":"x","verdict":"true-positive","confidence":85,"exploit":"","fix":""}`,
		"no rationale":     `{"rationale":"","verdict":"false-positive","confidence":0.5,"exploit":"","fix":""}`,
		"missing field":    `{"rationale":"x","verdict":"uncertain","exploit":"","fix":""}`,
		"two objects":      truePositive(nil) + truePositive(nil),
		"empty":            "",
	} {
		t.Run(name, func(t *testing.T) {
			s := ollamatest.New(func(*api.ChatRequest) string { return answer }, qwen)
			defer s.Close()
			prog, fs := examplesFindings(t)
			fs = fs[:2]
			out := triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
			for _, f := range fs {
				if f.Triage != nil {
					t.Errorf("invented a verdict: %+v", f.Triage)
				}
			}
			if out.Failed != 2 || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "not a valid verdict after a retry") {
				t.Errorf("failed %d, diagnostics %v", out.Failed, out.Diagnostics)
			}
			if len(s.Chats()) != 4 {
				t.Errorf("%d requests, want one retry each (4)", len(s.Chats()))
			}
		})
	}
}

func TestTriageCutOffAnswerIsRetried(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	s.Fail(ollamatest.Fault{DoneReason: "length"})
	prog, fs := examplesFindings(t)
	fs = fs[:1]
	triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage == nil || len(s.Chats()) != 2 {
		t.Errorf("triage %+v after %d requests", fs[0].Triage, len(s.Chats()))
	}
}

// An answer Ollama aborts (its token repeat limit) comes back the same at
// temperature 0, so the retry samples, with its own seed; the verdict is
// cached under the request as first asked.
func TestTriageAbortedAnswerIsResampled(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	s.Fail(ollamatest.Fault{Aborted: true})
	prog, fs := examplesFindings(t)
	fs = fs[:1]
	dir := t.TempDir()
	out := triager(t, s, Config{Cache: OpenCache(dir)}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	chats := s.Chats()
	if fs[0].Triage == nil || len(chats) != 2 {
		t.Fatalf("triage %+v after %d requests; %v", fs[0].Triage, len(chats), out.Diagnostics)
	}
	first, retry := chats[0].Options, chats[1].Options
	if first["temperature"] != float64(0) || first["seed"] != float64(Seed) {
		t.Errorf("first request: temperature %v, seed %v", first["temperature"], first["seed"])
	}
	if retry["temperature"] == float64(0) || retry["seed"] == first["seed"] {
		t.Errorf("the retry asks the same again: temperature %v, seed %v", retry["temperature"], retry["seed"])
	}
	if retry["num_ctx"] != first["num_ctx"] || retry["num_predict"] != first["num_predict"] {
		t.Errorf("the retry changed more than the sampling: %v, then %v", first, retry)
	}

	fs[0].Triage = nil
	again := triager(t, s, Config{Cache: OpenCache(dir)}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if again.Cached != 1 || len(s.Chats()) != 2 {
		t.Errorf("the resampled verdict was not cached under the first request: %d cached, %d requests", again.Cached, len(s.Chats()))
	}

	// Aborted every time, it gives up, and says why.
	s.Fail(ollamatest.Fault{Aborted: true}, ollamatest.Fault{Aborted: true}, ollamatest.Fault{Aborted: true})
	fs[0].Triage = nil
	out = triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage != nil || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "before Ollama said it was done") {
		t.Errorf("triage %+v, diagnostics %v", fs[0].Triage, out.Diagnostics)
	}
}

func TestTriageRetriesTransientErrors(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	s.Fail(ollamatest.Fault{Status: 503, Error: "server busy, please try again.  maximum pending requests exceeded"},
		ollamatest.Fault{Status: 500, Error: "llama runner process has terminated: exit status 2"})
	prog, fs := examplesFindings(t)
	fs = fs[:1]
	out := triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage == nil || len(s.Chats()) != 3 {
		t.Errorf("triage %+v after %d requests; %v", fs[0].Triage, len(s.Chats()), out.Diagnostics)
	}

	// Retries run out.
	s.Fail(ollamatest.Fault{Status: 500, Error: "boom"}, ollamatest.Fault{Status: 500, Error: "boom"}, ollamatest.Fault{Status: 500, Error: "boom"})
	fs[0].Triage = nil
	out = triager(t, s, Config{Retries: 2}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage != nil || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "failed 3 times: boom") {
		t.Errorf("triage %+v, diagnostics %v", fs[0].Triage, out.Diagnostics)
	}
	// A 400 is not retried.
	n := len(s.Chats())
	s.Fail(ollamatest.Fault{Status: 400, Error: "invalid format"})
	out = triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if len(s.Chats()) != n+1 || fs[0].Triage != nil || !strings.Contains(out.Diagnostics[0].Message, "invalid format") {
		t.Errorf("400 retried or lost: %d requests, %v", len(s.Chats())-n, out.Diagnostics)
	}
}

func TestTriageOllamaNotRunning(t *testing.T) {
	prog, fs := examplesFindings(t)
	out := NewTriager(NewClient(deadAddress(t), nil), Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if out.Failed != len(fs) || len(out.Diagnostics) != 1 {
		t.Fatalf("failed %d of %d, diagnostics %v", out.Failed, len(fs), out.Diagnostics)
	}
	d := out.Diagnostics[0]
	if d.Severity != "warning" || !strings.Contains(d.Message, "start it with `ollama serve`") ||
		!strings.Contains(d.Message, fmt.Sprintf("%d findings got no verdict", len(fs))) {
		t.Errorf("diagnostic %+v", d)
	}
	for _, f := range fs {
		if f.Triage != nil {
			t.Fatal("verdict without a server")
		}
	}
}

func TestTriageModelMissing(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	prog, fs := examplesFindings(t)
	out := triager(t, s, Config{Model: "qwen2.5-coder:32b"}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if out.Failed != len(fs) || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "--pull") {
		t.Errorf("failed %d, diagnostics %v", out.Failed, out.Diagnostics)
	}
	if len(s.Chats()) != 0 {
		t.Errorf("chatted with a missing model %d times", len(s.Chats()))
	}
}

func TestTriageServerStopsMidway(t *testing.T) {
	s := ollamatest.New(nil, qwen)
	var once sync.Once
	s.SetResponder(func(r *api.ChatRequest) string {
		once.Do(func() { go s.CloseClientConnections(); go s.Listener.Close() })
		return truePositive(r)
	})
	defer s.Close()
	prog, fs := examplesFindings(t)
	out := triager(t, s, Config{Parallel: 1, Retries: 1}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if out.Failed < len(fs)-2 {
		t.Errorf("only %d of %d failed", out.Failed, len(fs))
	}
	if len(out.Diagnostics) > 3 {
		t.Errorf("%d diagnostics for one stopped server: %v", len(out.Diagnostics), out.Diagnostics)
	}
	found := false
	for _, d := range out.Diagnostics {
		found = found || strings.Contains(d.Message, "ollama serve")
	}
	if !found {
		t.Errorf("no diagnostic says to start Ollama: %v", out.Diagnostics)
	}
}

func TestTriageTimeout(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	s.Fail(ollamatest.Fault{Delay: 5 * time.Second})
	prog, fs := examplesFindings(t)
	fs = fs[:2]
	start := time.Now()
	out := triager(t, s, Config{Timeout: 200 * time.Millisecond}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if time.Since(start) > 3*time.Second {
		t.Errorf("a timed-out request held the run for %v", time.Since(start))
	}
	if out.Failed != 1 || !strings.Contains(out.Diagnostics[0].Message, "no answer within 200ms") {
		t.Errorf("failed %d, %v", out.Failed, out.Diagnostics)
	}
}

func TestTriageBoundedParallelism(t *testing.T) {
	var cur, peak atomic.Int32
	s := ollamatest.New(func(r *api.ChatRequest) string {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		cur.Add(-1)
		return truePositive(r)
	}, qwen)
	defer s.Close()
	prog, fs := examplesFindings(t)
	for _, par := range []int{1, 3} {
		peak.Store(0)
		for i := range fs {
			fs[i].Triage = nil
		}
		triager(t, s, Config{Parallel: par}).Triage(context.Background(), prog, fs, analyzers.Lookup)
		if p := peak.Load(); p > int32(par) || (par > 1 && p < 2) {
			t.Errorf("Parallel %d: peak concurrency %d", par, p)
		}
	}
}

func TestTriageCache(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	dir := t.TempDir()
	prog, fs := examplesFindings(t)
	first := triager(t, s, Config{Cache: OpenCache(dir)}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if first.Cached != 0 || first.Failed != 0 {
		t.Fatalf("first run: %+v", first)
	}
	if _, err := os.Stat(filepath.Join(dir, ".sleuth", "cache", ".gitignore")); err != nil {
		t.Errorf("no .gitignore in the cache: %v", err)
	}
	verdicts := map[string]*analyzers.Triage{}
	for _, f := range fs {
		verdicts[f.ID] = f.Triage
	}

	// A rerun needs no server at all.
	_, again := examplesFindings(t)
	rerun := NewTriager(NewClient(deadAddress(t), nil), Config{Model: "qwen2.5-coder:7b", Cache: OpenCache(dir)}).
		Triage(context.Background(), prog, again, analyzers.Lookup)
	if rerun.Cached != len(again) || rerun.Failed != 0 {
		t.Fatalf("rerun: %+v", rerun)
	}
	for _, f := range again {
		if !reflect.DeepEqual(f.Triage, verdicts[f.ID]) {
			t.Errorf("%s: cached %+v, first %+v", f.ID, f.Triage, verdicts[f.ID])
		}
	}

	// Another model misses; no cache asks again.
	n := len(s.Chats())
	s.AddModel(ollamatest.Model{Name: "codellama:7b", Family: "llama", ContextLength: 16384})
	_, other := examplesFindings(t)
	triager(t, s, Config{Model: "codellama:7b", Cache: OpenCache(dir)}).Triage(context.Background(), prog, other, analyzers.Lookup)
	triager(t, s, Config{}).Triage(context.Background(), prog, other, analyzers.Lookup)
	if got := len(s.Chats()) - n; got != 2*len(other) {
		t.Errorf("%d requests after the cache, want %d", got, 2*len(other))
	}

	// A corrupt entry is a miss, not a verdict.
	entries, _ := filepath.Glob(filepath.Join(dir, ".sleuth", "cache", "llm", "*", "*.json"))
	if len(entries) == 0 {
		t.Fatal("no cache entries")
	}
	for _, e := range entries {
		os.WriteFile(e, []byte(`{"key":"x","triage":{"verdict":"false-positive"}}`), 0o644)
	}
	_, third := examplesFindings(t)
	out := triager(t, s, Config{Cache: OpenCache(dir)}).Triage(context.Background(), prog, third, analyzers.Lookup)
	if out.Cached != 0 {
		t.Errorf("%d verdicts from corrupt entries", out.Cached)
	}
}

func TestTriageSmallModelWindow(t *testing.T) {
	tiny := ollamatest.Model{Name: "tiny:1b", Family: "llama", ContextLength: 2048}
	s := ollamatest.New(truePositive, tiny)
	defer s.Close()
	prog, fs := examplesFindings(t)
	out := triager(t, s, Config{Model: "tiny:1b"}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	for _, req := range s.Chats() {
		if req.Options["num_ctx"] != float64(2048) {
			t.Fatalf("num_ctx %v for a 2048-token model", req.Options["num_ctx"])
		}
		if est := EstimateTokens(req.Messages[0].Content + req.Messages[1].Content); est > Budget(2048, DefaultMaxAnswer) {
			t.Errorf("prompt of ~%d tokens for a budget of %d", est, Budget(2048, DefaultMaxAnswer))
		}
	}
	if out.Model == nil || out.Model.ContextLength != 2048 {
		t.Errorf("model info %+v", out.Model)
	}
}

func TestTriageContextOverflow(t *testing.T) {
	prog, fs := scanSource(t, "Big.sol", longWithdraw(3000))
	fs = only(fs, "reentrancy-eth")
	if len(fs) != 1 {
		t.Fatalf("%d reentrancy findings", len(fs))
	}
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	out := triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage == nil {
		t.Fatalf("a long function should be cut, not skipped: %v", out.Diagnostics)
	}
	user := s.Chats()[0].Messages[1].Content
	if !strings.Contains(user, "cut to the lines around it") || !strings.Contains(user, `msg.sender.call{value: amount}("")`) ||
		!strings.Contains(user, "function withdraw() external {") {
		t.Errorf("the truncated prompt lost the finding or the signature")
	}

	// A window too small for even the finding is a clear error.
	fs[0].Triage = nil
	tiny := ollamatest.Model{Name: "tiny:1b", Family: "llama", ContextLength: 1100}
	s.AddModel(tiny)
	out = triager(t, s, Config{Model: "tiny:1b"}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	if fs[0].Triage != nil || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "1100-token window") {
		t.Errorf("diagnostics %v", out.Diagnostics)
	}
}

func TestTriageServerSideOverflow(t *testing.T) {
	s := ollamatest.New(truePositive, qwen)
	defer s.Close()
	// Ollama says the prompt filled the window: its tokenizer counted far
	// more than the estimate. The prompt is rebuilt smaller, once.
	s.Fail(ollamatest.Fault{PromptEvalCount: DefaultContextWindow})
	prog, fs := scanSource(t, "Long.sol", longWithdraw(400))
	fs = only(fs, "reentrancy-eth")
	triager(t, s, Config{}).Triage(context.Background(), prog, fs, analyzers.Lookup)
	chats := s.Chats()
	if fs[0].Triage == nil || len(chats) != 2 || len(chats[1].Messages[1].Content) >= len(chats[0].Messages[1].Content) {
		t.Errorf("triage %+v after %d requests", fs[0].Triage, len(chats))
	}
}

// longWithdraw is a reentrant withdraw() preceded by n lines of busywork.
func longWithdraw(n int) string {
	var b strings.Builder
	b.WriteString("pragma solidity ^0.8.20;\ncontract Big {\n    mapping(address => uint256) public balances;\n    function withdraw() external {\n")
	for i := range n {
		fmt.Fprintf(&b, "        balances[address(uint160(%d))] += %d;\n", i, i)
	}
	b.WriteString("        uint256 amount = balances[msg.sender];\n        (bool ok, ) = msg.sender.call{value: amount}(\"\");\n        require(ok);\n        balances[msg.sender] = 0;\n    }\n}\n")
	return b.String()
}
