package llm

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/sleuth-sec/sleuth/llm/ollamatest"
)

// timedWriter records each write and when it came.
type timedWriter struct {
	mu     sync.Mutex
	writes []string
	at     []time.Time
}

func (w *timedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.writes = append(w.writes, string(p))
	w.at = append(w.at, time.Now())
	return len(p), nil
}

// TestExplainStreams: the explanation reaches the writer piece by piece
// while the model is still writing, cleaned of terminal control
// sequences, from a streamed request that fences the code.
func TestExplainStreams(t *testing.T) {
	answer := "\n  The balance is zeroed after the call\x1b[2J, so a contract can re-enter withdraw.\u202e\n\n" +
		"```solidity\nbalances[msg.sender] = 0;\n(bool ok, ) = msg.sender.call{value: amount}(\"\");\n```"
	s := ollamatest.New(func(*api.ChatRequest) string { return answer }, qwen)
	defer s.Close()
	const interval = 20 * time.Millisecond
	s.Fail(ollamatest.Fault{Interval: interval})

	sl := bankSlice(t)
	var w timedWriter
	start := time.Now()
	if err := clientFor(t, s).Explain(context.Background(), qwen.Name, sl, 0, time.Minute, &w); err != nil {
		t.Fatal(err)
	}
	end := time.Now()

	got := strings.Join(w.writes, "")
	// ESC is dropped, which leaves "[2J" inert; the bidi override goes.
	want := "The balance is zeroed after the call[2J, so a contract can re-enter withdraw.\n\n" +
		"```solidity\nbalances[msg.sender] = 0;\n(bool ok, ) = msg.sender.call{value: amount}(\"\");\n```"
	if got != want {
		t.Errorf("wrote %q\nwant  %q", got, want)
	}
	if len(w.writes) < 10 {
		t.Fatalf("%d writes: not streamed", len(w.writes))
	}
	// The first piece was shown long before the last was written.
	if lead := end.Sub(w.at[0]); lead < time.Duration(len(w.writes)-2)*interval/2 {
		t.Errorf("first write %v after the start, only %v before the end: buffered, not streamed", w.at[0].Sub(start), lead)
	}

	req := s.Chats()[0]
	if req.Stream != nil && !*req.Stream {
		t.Error("the request is not streamed")
	}
	if len(req.Format) != 0 {
		t.Errorf("an explanation is prose, not %s", req.Format)
	}
	user := req.Messages[1].Content
	if !strings.Contains(user, "<<<UNTRUSTED-CODE-") || !strings.Contains(user, ">>25 |         _send(msg.sender, amount);") {
		t.Errorf("the prompt does not fence the finding's code:\n%s", user)
	}
	if req.Options["num_ctx"] != float64(DefaultContextWindow) || req.Options["num_predict"] != float64(ExplainAnswer) {
		t.Errorf("options %v", req.Options)
	}
}

func TestExplainErrors(t *testing.T) {
	s := ollamatest.New(func(*api.ChatRequest) string { return "An explanation." }, qwen)
	defer s.Close()
	sl := bankSlice(t)
	var b strings.Builder

	err := clientFor(t, s).Explain(context.Background(), "qwen2.5-coder:32b", sl, 0, time.Minute, &b)
	var mm *ModelMissingError
	if !errors.As(err, &mm) || !strings.Contains(err.Error(), "--pull") {
		t.Errorf("missing model: %v", err)
	}

	s.Fail(ollamatest.Fault{StreamError: "an error was encountered while running the model"})
	if err := clientFor(t, s).Explain(context.Background(), qwen.Name, sl, 0, time.Minute, &b); err == nil ||
		!strings.Contains(err.Error(), "running the model") {
		t.Errorf("error midway: %v", err)
	}

	s.Fail(ollamatest.Fault{Delay: 2 * time.Second})
	var te *TimeoutError
	if err := clientFor(t, s).Explain(context.Background(), qwen.Name, sl, 0, 100*time.Millisecond, &b); !errors.As(err, &te) {
		t.Errorf("slow answer: %v", err)
	}

	var nr *NotRunningError
	if err := NewClient(deadAddress(t), nil).Explain(context.Background(), qwen.Name, sl, 0, time.Minute, &b); !errors.As(err, &nr) {
		t.Errorf("no server: %v", err)
	}

	// A window too small for the finding is an overflow, said before asking.
	n := len(s.Chats())
	var co *ContextOverflowError
	if err := clientFor(t, s).Explain(context.Background(), qwen.Name, sl, ExplainAnswer+200, time.Minute, &b); !errors.As(err, &co) ||
		!strings.Contains(err.Error(), "-token window") {
		t.Errorf("tiny window: %v", err)
	}
	if len(s.Chats()) != n {
		t.Error("asked the model with a prompt that cannot fit")
	}
}
