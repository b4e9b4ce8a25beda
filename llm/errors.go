package llm

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"

	"github.com/ollama/ollama/api"
)

// NotRunningError means nothing answered at the Ollama address.
type NotRunningError struct {
	Host string
	Err  error
}

func (e *NotRunningError) Error() string {
	return fmt.Sprintf("Ollama is not running at %s: start it with `ollama serve` (or set OLLAMA_HOST to where it runs)", e.Host)
}

func (e *NotRunningError) Unwrap() error { return e.Err }

// ModelMissingError means Ollama runs but does not have the model.
type ModelMissingError struct {
	Model string
	Host  string
	// Installed lists the models Ollama has, to suggest one.
	Installed []string
}

func (e *ModelMissingError) Error() string {
	msg := fmt.Sprintf("model %q is not installed in Ollama at %s: rerun with --pull to download it, or run `ollama pull %s`", e.Model, e.Host, e.Model)
	if len(e.Installed) > 0 {
		msg += "; installed: " + strings.Join(e.Installed, ", ")
	}
	return msg
}

// ContextOverflowError means a finding's smallest useful context does not
// fit the model's context window.
type ContextOverflowError struct {
	// Need is the estimated prompt size in tokens, Have the budget.
	Need, Have int
	Window     int
}

func (e *ContextOverflowError) Error() string {
	return fmt.Sprintf("the finding's context needs about %d tokens but only %d fit the model's %d-token window (use a model with a larger context)",
		e.Need, e.Have, e.Window)
}

// IncompleteError means an answer stopped before Ollama said it was done:
// the connection dropped, or Ollama gave up on a prediction that kept
// repeating one token (its token repeat limit), which at temperature 0
// the same request repeats every time.
type IncompleteError struct{}

func (*IncompleteError) Error() string {
	return "the answer stopped before Ollama said it was done (a dropped connection, or Ollama aborting an answer that repeats itself)"
}

// MalformedError means the model's answer was not a valid verdict, twice.
type MalformedError struct {
	Reason string
}

func (e *MalformedError) Error() string {
	return "the model's answer was not a valid verdict after a retry: " + e.Reason
}

// TimeoutError means a request took longer than the per-request timeout.
type TimeoutError struct {
	After string
}

func (e *TimeoutError) Error() string {
	return "no answer within " + e.After + " (raise --llm-timeout for slow machines or large models)"
}

// isConnRefused reports errors that mean nothing listens at the address.
func isConnRefused(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// statusCode returns the HTTP status of an Ollama API error, or 0. The api
// package returns StatusError for unstreamed calls, and a plain error with
// the server's message for streamed ones; for those, the client's transport
// records the status (see httpStatusError).
func statusCode(err error) int {
	var he *httpStatusError
	if errors.As(err, &he) {
		return he.code
	}
	var se api.StatusError
	if errors.As(err, &se) {
		return se.StatusCode
	}
	var sp *api.StatusError
	if errors.As(err, &sp) {
		return sp.StatusCode
	}
	return 0
}

// httpStatusError attaches the HTTP status a streamed call ended with to
// the api package's plain error.
type httpStatusError struct {
	code int
	err  error
}

func (e *httpStatusError) Error() string { return e.err.Error() }
func (e *httpStatusError) Unwrap() error { return e.err }

// isModelNotFound recognises Ollama's "model not found" answer in either
// shape: a 404 StatusError, or the streamed error message.
func isModelNotFound(err error) bool {
	if statusCode(err) == http.StatusNotFound {
		return true
	}
	return strings.Contains(err.Error(), "not found, try pulling it first")
}

// transient reports errors worth retrying: the server busy or failing
// (5xx, 429), or the connection dropped mid-request.
func transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	switch code := statusCode(err); {
	case code == http.StatusTooManyRequests, code >= 500:
		return true
	case code != 0:
		return false
	}
	if _, ok := errors.AsType[*IncompleteError](err); ok {
		return true
	}
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"EOF", "connection reset", "server busy", "broken pipe", "unexpected server status"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
