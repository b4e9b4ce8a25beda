package llm

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/ollama/ollama/api"
)

// ExplainAnswer bounds an explanation's length (num_predict).
const ExplainAnswer = 1536

// Explain streams a model's explanation of one finding, and a fix, to w as
// it is written. The context and its defences are the triage prompt's.
func (c *Client) Explain(ctx context.Context, model string, sl *Slice, window int, timeout time.Duration, w io.Writer) error {
	if window <= 0 {
		window = DefaultContextWindow
	}
	p, err := BuildExplainPrompt(sl, Budget(window, ExplainAnswer))
	if err != nil {
		var co *ContextOverflowError
		if errors.As(err, &co) {
			co.Window = window
		}
		return err
	}
	stream := true
	req := &api.ChatRequest{
		Model: model,
		Messages: []api.Message{
			{Role: "system", Content: p.System},
			{Role: "user", Content: p.User},
		},
		Stream: &stream,
		Options: map[string]any{
			"temperature": 0,
			"seed":        Seed,
			"num_ctx":     window,
			"num_predict": ExplainAnswer,
		},
	}
	wrote := false
	_, err = c.chat(ctx, req, timeout, func(tok string) error {
		tok = stripControl(tok)
		if !wrote {
			tok = strings.TrimLeft(tok, " \n")
		}
		if tok == "" {
			return nil
		}
		wrote = true
		_, err := io.WriteString(w, tok)
		return err
	})
	if err != nil {
		if isModelNotFound(err) {
			return &ModelMissingError{Model: model, Host: c.Host()}
		}
		return err
	}
	return nil
}

// stripControl drops control characters but newlines and tabs, and
// bidirectional overrides, from streamed model output bound for a terminal.
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, s)
}
