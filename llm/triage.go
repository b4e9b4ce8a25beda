package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Defaults of Config.
const (
	DefaultParallel = 2
	DefaultTimeout  = 5 * time.Minute
	// DefaultContextWindow is the context requested from Ollama (its
	// num_ctx): enough for a function, its neighbours and the detector's
	// documentation, small enough for a laptop's memory. A model with a
	// smaller window gets its own.
	DefaultContextWindow = 8192
	// DefaultMaxAnswer bounds the answer (num_predict); the schema's
	// lengths keep a verdict well inside it.
	DefaultMaxAnswer = 1024
	DefaultRetries   = 2
	DefaultBackoff   = time.Second
	// Seed makes answers reproducible, with temperature 0.
	Seed = 42
	// resampleTemperature is the temperature of a retry after an answer
	// Ollama aborted (see resampled).
	resampleTemperature = 0.7
)

// Config configures a Triager. Zero values take the defaults.
type Config struct {
	Model    string
	Parallel int
	// Timeout bounds each request to Ollama.
	Timeout time.Duration
	// ContextWindow is the context size to request; it is lowered to the
	// model's own when that is smaller.
	ContextWindow int
	MaxAnswer     int
	// Retries is how often a request failing transiently (5xx, a dropped
	// connection) is retried, after Backoff, 2×Backoff, …
	Retries int
	Backoff time.Duration
	// Cache, when set, is read before asking and written after.
	Cache *Cache
	// Progress, when set, is called as verdicts come in.
	Progress func(done, total int)
}

func (c Config) withDefaults() Config {
	if c.Model == "" {
		c.Model = DefaultModel
	}
	if c.Parallel <= 0 {
		c.Parallel = DefaultParallel
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.ContextWindow <= 0 {
		c.ContextWindow = DefaultContextWindow
	}
	if c.MaxAnswer <= 0 {
		c.MaxAnswer = DefaultMaxAnswer
	}
	if c.Retries < 0 {
		c.Retries = 0
	} else if c.Retries == 0 {
		c.Retries = DefaultRetries
	}
	if c.Backoff <= 0 {
		c.Backoff = DefaultBackoff
	}
	return c
}

// Triager asks a model for a verdict on each finding.
type Triager struct {
	client *Client
	cfg    Config
}

// NewTriager returns a triager talking to client.
func NewTriager(client *Client, cfg Config) *Triager {
	return &Triager{client: client, cfg: cfg.withDefaults()}
}

// Outcome is what a triage run did.
type Outcome struct {
	// Verdicts counts the findings per verdict, Cached those answered from
	// the cache, Failed those left without a verdict.
	Verdicts map[analyzers.Verdict]int
	Cached   int
	Failed   int
	// Diagnostics say why findings got no verdict; they are warnings:
	// triage never fails a scan.
	Diagnostics []source.Diagnostic
	// Model is what Ollama said about the model, when it was asked.
	Model *ModelInfo
	// Prompts holds the prompt sent (or that would have been sent) for
	// each finding, by index; for tests and --verbose.
	Prompts []*Prompt
}

// job is one finding on its way through triage.
type job struct {
	index  int
	slice  *Slice
	prompt *Prompt
	key    string
	req    *api.ChatRequest
	err    error
}

// Triage sets Triage on each finding that gets a valid verdict, in place.
// Findings are never removed or reordered, and a finding the model could
// not judge keeps a nil Triage; the diagnostics say why. prog is the
// semantic model the findings came from (for context); docs looks up a
// detector's documentation by id and may return nil.
func (t *Triager) Triage(ctx context.Context, prog *sema.Program, findings []analyzers.Finding, docs func(id string) *analyzers.Analyzer) Outcome {
	out := Outcome{Verdicts: map[analyzers.Verdict]int{}, Prompts: make([]*Prompt, len(findings))}
	if len(findings) == 0 {
		return out
	}
	window := t.cfg.ContextWindow

	// Slice every finding first: the semantic model is not safe for
	// concurrent use; the requests are.
	slicer := NewSlicer(prog)
	jobs := make([]*job, len(findings))
	for i, f := range findings {
		var doc *analyzers.Analyzer
		if docs != nil {
			doc = docs(f.Detector)
		}
		jobs[i] = &job{index: i, slice: slicer.Slice(f, doc)}
	}
	t.prepare(jobs, window)

	// Answer what the cache can; only the rest needs Ollama, so a rerun
	// over unchanged code works without it.
	var pending []*job
	for _, j := range jobs {
		out.Prompts[j.index] = j.prompt
		if j.err != nil {
			continue
		}
		if tr, ok := t.cfg.Cache.Get(j.key); ok {
			findings[j.index].Triage = tr
			out.Verdicts[tr.Verdict]++
			out.Cached++
			continue
		}
		pending = append(pending, j)
	}
	done := len(jobs) - len(pending)
	report := func() {
		if t.cfg.Progress != nil {
			t.cfg.Progress(done, len(jobs))
		}
	}
	report()

	if len(pending) > 0 {
		info, err := t.client.Check(ctx, t.cfg.Model)
		if err != nil {
			for _, j := range pending {
				j.err = err
			}
			pending = nil
		} else {
			out.Model = info
			if info.ContextLength > 0 && info.ContextLength < window {
				// The model's window is smaller than asked: rebuild the
				// prompts to fit it, and look in the cache again.
				window = info.ContextLength
				t.prepare(pending, window)
				var still []*job
				for _, j := range pending {
					out.Prompts[j.index] = j.prompt
					if j.err != nil {
						continue
					}
					if tr, ok := t.cfg.Cache.Get(j.key); ok {
						findings[j.index].Triage = tr
						out.Verdicts[tr.Verdict]++
						out.Cached++
						done++
						continue
					}
					still = append(still, j)
				}
				pending = still
			}
		}
	}

	// Ask, at most Parallel at a time. Ollama gone mid-run stops the rest
	// instead of failing each of them slowly.
	var (
		mu         sync.Mutex
		wg         sync.WaitGroup
		sem        = make(chan struct{}, t.cfg.Parallel)
		rctx, stop = context.WithCancel(ctx)
		fatal      error
	)
	defer stop()
	for _, j := range pending {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-rctx.Done():
				mu.Lock()
				j.err = cmpErr(fatal, rctx.Err())
				mu.Unlock()
				return
			}
			defer func() { <-sem }()
			if rctx.Err() != nil {
				mu.Lock()
				j.err = cmpErr(fatal, rctx.Err())
				mu.Unlock()
				return
			}
			tr, err := t.ask(rctx, j, window)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				var nr *NotRunningError
				if errors.As(err, &nr) && fatal == nil {
					fatal = fmt.Errorf("the Ollama server at %s stopped answering: start it again with `ollama serve`", t.client.Host())
					stop()
				}
				if fatal != nil && errors.Is(err, context.Canceled) {
					err = fatal
				}
				j.err = err
				return
			}
			findings[j.index].Triage = tr
			out.Verdicts[tr.Verdict]++
			if err := t.cfg.Cache.Put(j.key, tr); err != nil {
				out.Diagnostics = append(out.Diagnostics, source.Diagnostic{Severity: source.Warning,
					Message: "llm: cannot write the verdict cache: " + err.Error()})
			}
			done++
			report()
		}()
	}
	wg.Wait()

	// One diagnostic per cause: a stopped server is one problem, not one
	// per finding.
	byCause := map[string][]*job{}
	var causes []string
	for _, j := range jobs {
		if j.err == nil {
			continue
		}
		out.Failed++
		msg := j.err.Error()
		if _, ok := byCause[msg]; !ok {
			causes = append(causes, msg)
		}
		byCause[msg] = append(byCause[msg], j)
	}
	for _, cause := range causes {
		js := byCause[cause]
		if len(js) == 1 {
			f := js[0].slice.Finding
			out.Diagnostics = append(out.Diagnostics, source.Diagnostic{File: f.Location.File, Line: f.Location.StartLine,
				Column: f.Location.StartColumn, Severity: source.Warning,
				Message: fmt.Sprintf("llm: no verdict for the %s finding %s: %s", f.Detector, shortID(f.ID), cause)})
			continue
		}
		out.Diagnostics = append(out.Diagnostics, source.Diagnostic{Severity: source.Warning,
			Message: fmt.Sprintf("llm: %d findings got no verdict: %s", len(js), cause)})
	}
	// Dedupe cache-write warnings.
	out.Diagnostics = dedupe(out.Diagnostics)
	return out
}

// prepare builds the prompt, request and cache key of each job for a
// context window.
func (t *Triager) prepare(jobs []*job, window int) {
	budget := Budget(window, t.cfg.MaxAnswer)
	for _, j := range jobs {
		j.err = nil
		p, err := BuildPrompt(j.slice, budget)
		if err != nil {
			var co *ContextOverflowError
			if errors.As(err, &co) {
				co.Window = window
			}
			j.prompt, j.err = nil, err
			continue
		}
		j.prompt = p
		j.req = t.request(p, window)
		body, _ := json.Marshal(j.req)
		j.key = CacheKey(t.cfg.Model, body)
	}
}

func (t *Triager) request(p *Prompt, window int) *api.ChatRequest {
	stream := false
	return &api.ChatRequest{
		Model: t.cfg.Model,
		Messages: []api.Message{
			{Role: "system", Content: p.System},
			{Role: "user", Content: p.User},
		},
		Stream: &stream,
		Format: json.RawMessage(verdictSchema),
		Options: map[string]any{
			"temperature": 0,
			"seed":        Seed,
			"num_ctx":     window,
			"num_predict": t.cfg.MaxAnswer,
		},
	}
}

// ask gets one verdict: the request, retried on transient errors; then,
// if the answer is malformed, once more, saying why. A prompt that
// overflowed the window is rebuilt smaller, once.
func (t *Triager) ask(ctx context.Context, j *job, window int) (*analyzers.Triage, error) {
	resp, err := t.send(ctx, j.req)
	if err != nil {
		return nil, err
	}
	if overflowed(resp, window, t.cfg.MaxAnswer) {
		p, perr := BuildPrompt(j.slice, Budget(window, t.cfg.MaxAnswer)/2)
		if perr != nil {
			return nil, &ContextOverflowError{Need: resp.PromptEvalCount, Have: window - t.cfg.MaxAnswer, Window: window}
		}
		j.prompt, j.req = p, t.request(p, window)
		body, _ := json.Marshal(j.req)
		j.key = CacheKey(t.cfg.Model, body)
		if resp, err = t.send(ctx, j.req); err != nil {
			return nil, err
		}
		if overflowed(resp, window, t.cfg.MaxAnswer) {
			return nil, &ContextOverflowError{Need: resp.PromptEvalCount, Have: window - t.cfg.MaxAnswer, Window: window}
		}
	}
	tr, perr := answer(resp, t.cfg.Model)
	if perr == nil {
		return tr, nil
	}
	// The retry is the same request with the reason appended to its user
	// message, not a second turn quoting the bad answer: Ollama drops the
	// earlier turns of a conversation that outgrows num_ctx, and that
	// would silently drop the code the verdict must rest on.
	retry := *j.req
	retry.Messages = append([]api.Message(nil), j.req.Messages...)
	last := &retry.Messages[len(retry.Messages)-1]
	last.Content += "\nA previous answer to this request was not valid: " + truncate(perr.Error(), 200) +
		". Answer again with only the JSON object that follows the schema.\n"
	resp, err = t.send(ctx, &retry)
	if err != nil {
		return nil, err
	}
	tr, perr = answer(resp, t.cfg.Model)
	if perr != nil {
		return nil, &MalformedError{Reason: perr.Error()}
	}
	return tr, nil
}

// answer parses a response into a verdict; an answer cut off by the
// length limit is malformed whatever it holds.
func answer(resp *api.ChatResponse, model string) (*analyzers.Triage, error) {
	if resp.DoneReason == "length" {
		return nil, fmt.Errorf("the answer was cut off after %d tokens", resp.EvalCount)
	}
	return ParseVerdict(resp.Message.Content, model)
}

// overflowed reports a prompt that filled the context window: Ollama then
// silently drops part of it, and the verdict would rest on a prompt the
// model never fully saw.
func overflowed(resp *api.ChatResponse, window, reserve int) bool {
	return resp.PromptEvalCount > 0 && resp.PromptEvalCount > window-reserve/2
}

// send is one request with retries and exponential backoff on transient
// errors.
func (t *Triager) send(ctx context.Context, req *api.ChatRequest) (*api.ChatResponse, error) {
	var err error
	sent := req
	for attempt := 0; ; attempt++ {
		var resp *api.ChatResponse
		resp, err = t.client.chat(ctx, sent, t.cfg.Timeout, nil)
		if err == nil {
			return resp, nil
		}
		if isModelNotFound(err) {
			return nil, &ModelMissingError{Model: req.Model, Host: t.client.Host()}
		}
		if !transient(err) || attempt >= t.cfg.Retries {
			break
		}
		if _, ok := errors.AsType[*IncompleteError](err); ok {
			sent = resampled(req, attempt+1)
		}
		wait := t.cfg.Backoff << attempt
		wait += time.Duration(rand.Int64N(int64(wait)/5 + 1)) // jitter
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
	if transient(err) {
		return nil, fmt.Errorf("ollama failed %d times: %w", t.cfg.Retries+1, err)
	}
	return nil, err
}

// resampled is req for its n-th retry after an incomplete answer: at
// temperature 0 the same request degenerates the same way again, so the
// retry samples, with a seed of its own, and stays reproducible.
func resampled(req *api.ChatRequest, n int) *api.ChatRequest {
	r := *req
	r.Options = maps.Clone(req.Options)
	r.Options["temperature"] = resampleTemperature
	r.Options["seed"] = Seed + n
	return &r
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

func dedupe(ds []source.Diagnostic) []source.Diagnostic {
	seen := map[source.Diagnostic]bool{}
	var out []source.Diagnostic
	for _, d := range ds {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// Summary is a one-line account of an outcome: "12 true positives, 3
// false positives, 1 uncertain, 2 without a verdict (5 from the cache)".
func (o Outcome) Summary() string {
	var parts []string
	for _, v := range []struct {
		v    analyzers.Verdict
		name string
	}{{analyzers.TruePositive, "true positive"}, {analyzers.FalsePositive, "false positive"}, {analyzers.Uncertain, "uncertain"}} {
		n := o.Verdicts[v.v]
		if n == 0 {
			continue
		}
		name := v.name
		if n != 1 && v.v != analyzers.Uncertain {
			name += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, name))
	}
	if o.Failed > 0 {
		parts = append(parts, fmt.Sprintf("%d without a verdict", o.Failed))
	}
	if len(parts) == 0 {
		return "nothing to triage"
	}
	s := strings.Join(parts, ", ")
	if o.Cached > 0 {
		s += fmt.Sprintf(" (%d from the cache)", o.Cached)
	}
	return s
}
