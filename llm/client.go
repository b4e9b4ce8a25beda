// Package llm is sleuth's triage stage: it asks a local model, served by
// Ollama, whether each finding is real, and attaches the answer to the
// finding as its Triage. It never removes or changes a finding otherwise
// (DESIGN.md: the LLM annotates, it never deletes).
//
// The pieces, in the order a finding goes through them:
//
//   - slice.go cuts the context a reviewer would read out of the semantic
//     model: the function holding the finding, its modifiers, the state it
//     touches, callers and callees one hop away, the inheritance line;
//     trimmed, farthest first, to a token budget.
//   - sanitize.go treats that code as untrusted data: comments removed,
//     prose and instruction-like strings and names neutralised, so text in
//     a contract cannot talk to the model.
//   - prompt.go frames it with the detector's own documentation and a
//     JSON schema the model's answer must follow (Ollama's format).
//   - verdict.go validates the answer; a malformed one is retried once,
//     and a verdict is never made up when the model gives none.
//   - cache.go stores verdicts on disk by model and prompt hash.
//   - triage.go runs it all with bounded parallelism, timeouts and
//     retries, and turns every failure into a diagnostic.
//   - client.go (this file) talks to Ollama through its Go API client.
package llm

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ollama/ollama/api"
	"github.com/ollama/ollama/envconfig"
)

// DefaultModel is the model used when none is configured: see docs/llm.md
// for why.
const DefaultModel = "qwen2.5-coder:7b"

// DefaultHost is where Ollama listens unless OLLAMA_HOST says otherwise.
const DefaultHost = "http://127.0.0.1:11434"

// Client talks to one Ollama server.
type Client struct {
	api  *api.Client
	base *url.URL
}

// ResolveHost returns the Ollama address to use: OLLAMA_HOST when set (the
// variable every Ollama tool honours), else configured (sleuth.toml's
// [llm] host), else the default. Both accept what OLLAMA_HOST accepts:
// "host", "host:port", "http(s)://host:port/path".
func ResolveHost(configured string) (*url.URL, error) {
	if envconfig.Var("OLLAMA_HOST") != "" {
		return envconfig.Host(), nil
	}
	if strings.TrimSpace(configured) == "" {
		u, _ := url.Parse(DefaultHost)
		return u, nil
	}
	return ParseHost(configured)
}

// ParseHost parses an Ollama address the way OLLAMA_HOST is parsed, but
// reports a malformed one instead of silently using the default.
func ParseHost(s string) (*url.URL, error) {
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	scheme, hostport, ok := strings.Cut(s, "://")
	defaultPort := "11434"
	switch {
	case !ok:
		scheme, hostport = "http", s
	case scheme == "http":
		defaultPort = "80"
	case scheme == "https":
		defaultPort = "443"
	default:
		return nil, fmt.Errorf("ollama host %q: scheme must be http or https", s)
	}
	hostport, path, _ := strings.Cut(hostport, "/")
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = strings.Trim(hostport, "[]"), defaultPort
	}
	if host == "" {
		host = "127.0.0.1"
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return nil, fmt.Errorf("ollama host %q: invalid port %q", s, port)
	}
	return &url.URL{Scheme: scheme, Host: net.JoinHostPort(host, port), Path: path}, nil
}

// NewClient returns a client for the Ollama server at base. httpClient may
// be nil for a default one; requests are bounded by their contexts, never
// by a client-wide timeout, because streamed answers may run long.
func NewClient(base *url.URL, httpClient *http.Client) *Client {
	hc := &http.Client{}
	if httpClient != nil {
		c := *httpClient
		hc = &c
	}
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	hc.Transport = recordingTransport{rt}
	return &Client{api: api.NewClient(base, hc), base: base}
}

// Host is the server's address, for messages.
func (c *Client) Host() string { return c.base.String() }

// API is the underlying Ollama client.
func (c *Client) API() *api.Client { return c.api }

// ModelInfo is what sleuth needs to know about the model it talks to.
type ModelInfo struct {
	Name string
	// ContextLength is the model's trained context window, in tokens; 0
	// when Ollama does not say.
	ContextLength int
	Family        string
	ParameterSize string
	Quantization  string
}

// Check makes sure Ollama answers and has the model, and returns what it
// says about the model. Errors are *NotRunningError or *ModelMissingError
// when those are the cause.
func (c *Client) Check(ctx context.Context, model string) (*ModelInfo, error) {
	vctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := c.api.Version(vctx); err != nil {
		switch {
		case isConnRefused(err):
			return nil, &NotRunningError{Host: c.Host(), Err: err}
		case ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded):
			return nil, fmt.Errorf("ollama at %s did not answer within 10s", c.Host())
		}
		return nil, fmt.Errorf("no Ollama API at %s: %w", c.Host(), err)
	}
	show, err := c.api.Show(ctx, &api.ShowRequest{Model: model})
	if err != nil {
		if isModelNotFound(err) {
			return nil, &ModelMissingError{Model: model, Host: c.Host(), Installed: c.installed(ctx)}
		}
		if isConnRefused(err) {
			return nil, &NotRunningError{Host: c.Host(), Err: err}
		}
		return nil, fmt.Errorf("ollama at %s: model %s: %w", c.Host(), model, err)
	}
	info := &ModelInfo{Name: model, Family: show.Details.Family, ParameterSize: show.Details.ParameterSize,
		Quantization: show.Details.QuantizationLevel}
	for k, v := range show.ModelInfo {
		if strings.HasSuffix(k, ".context_length") {
			if n, ok := v.(float64); ok {
				info.ContextLength = int(n)
			}
		}
	}
	return info, nil
}

// installed lists the models Ollama has, sorted, or nil if it cannot say.
func (c *Client) installed(ctx context.Context) []string {
	list, err := c.api.List(ctx)
	if err != nil {
		return nil
	}
	var names []string
	for _, m := range list.Models {
		names = append(names, m.Name)
	}
	sort.Strings(names)
	return names
}

// Progress is one step of a model download.
type Progress struct {
	Status    string
	Digest    string
	Total     int64
	Completed int64
}

// Pull downloads a model through Ollama, reporting progress as Ollama
// streams it.
func (c *Client) Pull(ctx context.Context, model string, fn func(Progress)) error {
	err := c.api.Pull(ctx, &api.PullRequest{Model: model}, func(p api.ProgressResponse) error {
		if fn != nil {
			fn(Progress{Status: p.Status, Digest: p.Digest, Total: p.Total, Completed: p.Completed})
		}
		return nil
	})
	if err != nil {
		if isConnRefused(err) {
			return &NotRunningError{Host: c.Host(), Err: err}
		}
		return fmt.Errorf("pulling %s: %w", model, err)
	}
	return nil
}

// chat sends one chat request and returns the whole answer. With streaming
// on, onToken sees each piece as it arrives. A request that outlives
// timeout becomes a *TimeoutError; errors carry the HTTP status where the
// api package drops it.
func (c *Client) chat(ctx context.Context, req *api.ChatRequest, timeout time.Duration, onToken func(string) error) (*api.ChatResponse, error) {
	rctx := ctx
	cancel := func() {}
	if timeout > 0 {
		rctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	status := new(int)
	rctx = context.WithValue(rctx, statusKey{}, status)

	var content strings.Builder
	var last api.ChatResponse
	err := c.api.Chat(rctx, req, func(r api.ChatResponse) error {
		content.WriteString(r.Message.Content)
		last = r
		if onToken != nil && r.Message.Content != "" {
			return onToken(r.Message.Content)
		}
		return nil
	})
	switch {
	case err == nil && !last.Done:
		// The answer ended without its final message: the server or the
		// connection gave up halfway.
		err = &IncompleteError{}
	case err != nil && ctx.Err() == nil && rctx.Err() == context.DeadlineExceeded:
		return nil, &TimeoutError{After: timeout.String()}
	case err != nil && isConnRefused(err):
		return nil, &NotRunningError{Host: c.Host(), Err: err}
	}
	if err != nil {
		if *status >= 400 && statusCode(err) == 0 {
			err = &httpStatusError{code: *status, err: err}
		}
		return nil, err
	}
	last.Message.Content = content.String()
	return &last, nil
}

// statusKey is the context key under which recordingTransport leaves the
// HTTP status of a response.
type statusKey struct{}

// recordingTransport records each response's status code in the request's
// context, so that errors of streamed calls (which the api package reduces
// to their message) can still be told apart: a 500 is worth retrying, a
// 400 is not.
type recordingTransport struct{ base http.RoundTripper }

func (t recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err == nil {
		if p, ok := r.Context().Value(statusKey{}).(*int); ok {
			*p = resp.StatusCode
		}
	}
	return resp, err
}
