package llm

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/sleuth-sec/sleuth/llm/ollamatest"
)

var qwen = ollamatest.Model{Name: "qwen2.5-coder:7b", Family: "qwen2", ContextLength: 32768}

func clientFor(t *testing.T, s *ollamatest.Server) *Client {
	t.Helper()
	u, err := url.Parse(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(u, nil)
}

// deadAddress is an address nothing listens on.
func deadAddress(t *testing.T) *url.URL {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return &url.URL{Scheme: "http", Host: addr}
}

func TestCheckNotRunning(t *testing.T) {
	c := NewClient(deadAddress(t), nil)
	_, err := c.Check(context.Background(), "qwen2.5-coder:7b")
	var nr *NotRunningError
	if !errors.As(err, &nr) {
		t.Fatalf("err = %v, want NotRunningError", err)
	}
	if !strings.Contains(err.Error(), "start it with `ollama serve`") {
		t.Errorf("message does not say how to start Ollama: %v", err)
	}
}

func TestCheckModelMissing(t *testing.T) {
	s := ollamatest.New(nil, ollamatest.Model{Name: "llama3.2:3b", Family: "llama", ContextLength: 131072}, qwen)
	defer s.Close()
	_, err := clientFor(t, s).Check(context.Background(), "deepseek-coder-v2:16b")
	var mm *ModelMissingError
	if !errors.As(err, &mm) {
		t.Fatalf("err = %v, want ModelMissingError", err)
	}
	for _, want := range []string{"--pull", "ollama pull deepseek-coder-v2:16b", "llama3.2:3b, qwen2.5-coder:7b"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
}

func TestCheckModelInfo(t *testing.T) {
	s := ollamatest.New(nil, qwen)
	defer s.Close()
	info, err := clientFor(t, s).Check(context.Background(), "qwen2.5-coder:7b")
	if err != nil {
		t.Fatal(err)
	}
	if info.ContextLength != 32768 || info.Family != "qwen2" {
		t.Errorf("info = %+v", info)
	}
}

func TestPullProgress(t *testing.T) {
	s := ollamatest.New(nil)
	defer s.Close()
	c := clientFor(t, s)
	var statuses []string
	var last int64
	err := c.Pull(context.Background(), "qwen2.5-coder:7b", func(p Progress) {
		statuses = append(statuses, p.Status)
		if p.Total > 0 {
			if p.Completed < last {
				t.Errorf("progress went back: %d after %d", p.Completed, last)
			}
			last = p.Completed
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if statuses[0] != "pulling manifest" || statuses[len(statuses)-1] != "success" || last != 4_683_073_184 {
		t.Errorf("statuses %v, last %d", statuses, last)
	}
	if _, err := c.Check(context.Background(), "qwen2.5-coder:7b"); err != nil {
		t.Errorf("model missing after the pull: %v", err)
	}
}

func TestPullUnknownModel(t *testing.T) {
	s := ollamatest.New(nil)
	defer s.Close()
	err := clientFor(t, s).Pull(context.Background(), "does-not-exist:1b", nil)
	if err == nil || !strings.Contains(err.Error(), "file does not exist") {
		t.Errorf("err = %v", err)
	}
}

func chatRequest(stream bool) *api.ChatRequest {
	return &api.ChatRequest{Model: "qwen2.5-coder:7b", Stream: &stream,
		Messages: []api.Message{{Role: "user", Content: "hi"}}}
}

func TestChatStreamedAndNot(t *testing.T) {
	answer := "Reentrancy: the balance is zeroed after the call — ünïcode intact."
	s := ollamatest.New(func(*api.ChatRequest) string { return answer }, qwen)
	defer s.Close()
	c := clientFor(t, s)
	for _, stream := range []bool{true, false} {
		var pieces []string
		resp, err := c.chat(context.Background(), chatRequest(stream), time.Minute, func(p string) error {
			pieces = append(pieces, p)
			return nil
		})
		if err != nil {
			t.Fatalf("stream=%v: %v", stream, err)
		}
		if resp.Message.Content != answer || !resp.Done || resp.DoneReason != "stop" {
			t.Errorf("stream=%v: %+v", stream, resp)
		}
		if stream && len(pieces) < 5 {
			t.Errorf("streamed in %d pieces", len(pieces))
		}
		if !stream && len(pieces) != 1 {
			t.Errorf("unstreamed in %d pieces", len(pieces))
		}
	}
}

func TestChatErrors(t *testing.T) {
	s := ollamatest.New(func(*api.ChatRequest) string { return "a fine answer" }, qwen)
	defer s.Close()
	c := clientFor(t, s)
	ctx := context.Background()

	s.Fail(ollamatest.Fault{Status: 500, Error: "llama runner process has terminated: signal: killed"})
	_, err := c.chat(ctx, chatRequest(true), time.Minute, nil)
	if err == nil || !transient(err) || statusCode(err) != 500 {
		t.Errorf("500: err = %v, transient %v, status %d", err, transient(err), statusCode(err))
	}

	s.Fail(ollamatest.Fault{Status: 400, Error: "invalid options"})
	_, err = c.chat(ctx, chatRequest(false), time.Minute, nil)
	if err == nil || transient(err) {
		t.Errorf("400: err = %v, transient %v", err, transient(err))
	}

	s.Fail(ollamatest.Fault{StreamError: "an error was encountered while running the model"})
	_, err = c.chat(ctx, chatRequest(true), time.Minute, nil)
	if err == nil || !strings.Contains(err.Error(), "running the model") {
		t.Errorf("error midway: %v", err)
	}

	s.Fail(ollamatest.Fault{Truncate: true})
	_, err = c.chat(ctx, chatRequest(true), time.Minute, nil)
	if err == nil || !transient(err) {
		t.Errorf("truncated stream: err = %v, transient %v", err, transient(err))
	}

	s.Fail(ollamatest.Fault{Delay: 2 * time.Second})
	_, err = c.chat(ctx, chatRequest(false), 100*time.Millisecond, nil)
	var te *TimeoutError
	if !errors.As(err, &te) || transient(err) {
		t.Errorf("slow answer: err = %v", err)
	}

	req := chatRequest(true)
	req.Model = "missing:1b"
	_, err = c.chat(ctx, req, time.Minute, nil)
	if err == nil || !isModelNotFound(err) {
		t.Errorf("missing model: err = %v", err)
	}

	_, err = NewClient(deadAddress(t), nil).chat(ctx, chatRequest(true), time.Minute, nil)
	var nr *NotRunningError
	if !errors.As(err, &nr) {
		t.Errorf("connection refused: err = %v", err)
	}
}

func TestResolveHost(t *testing.T) {
	t.Setenv("OLLAMA_HOST", "")
	for in, want := range map[string]string{
		"":                          "http://127.0.0.1:11434",
		"10.0.0.5":                  "http://10.0.0.5:11434",
		"gpu-box:9000":              "http://gpu-box:9000",
		"https://ollama.example":    "https://ollama.example:443",
		"http://[::1]:11434":        "http://[::1]:11434",
		"http://proxy:8080/ollama/": "http://proxy:8080/ollama/",
	} {
		u, err := ResolveHost(in)
		if err != nil || u.String() != want {
			t.Errorf("ResolveHost(%q) = %v, %v; want %s", in, u, err, want)
		}
	}
	for _, bad := range []string{"ftp://x", "host:99999", "host:port"} {
		if _, err := ResolveHost(bad); err == nil {
			t.Errorf("ResolveHost(%q) accepted", bad)
		}
	}
	t.Setenv("OLLAMA_HOST", "127.0.0.1:12345")
	if u, _ := ResolveHost("other:1"); u.String() != "http://127.0.0.1:12345" {
		t.Errorf("OLLAMA_HOST not honoured: %v", u)
	}
}
