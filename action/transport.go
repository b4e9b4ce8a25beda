package action

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// retrying is the HTTP transport under go-github: it adds the token and
// waits out GitHub's rate limits, so the code above never sees them.
//
// GitHub answers a request over its limits with 403 or 429 and says when
// to come back: Retry-After (seconds) for secondary limits, or
// X-RateLimit-Remaining: 0 with X-RateLimit-Reset (epoch seconds) for the
// primary one; a secondary limit without either means "wait at least a
// minute". See docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api.
type retrying struct {
	base  http.RoundTripper
	token string
	// sleep waits (or returns the context's error); maxWait bounds any
	// one wait, beyond it the rate-limited response is returned as is.
	sleep   func(context.Context, time.Duration) error
	maxWait time.Duration
	now     func() time.Time
	tries   int
	// waited receives every wait, for the log.
	waited func(reason string, d time.Duration)

	mu sync.Mutex
	// exhaustedUntil is the reset of a primary limit a successful
	// response said was used up: the next request waits for it.
	exhaustedUntil time.Time
}

func (t *retrying) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	if err := t.waitForReset(req.Context()); err != nil {
		return nil, err
	}
	for attempt := 1; ; attempt++ {
		r := req.Clone(req.Context())
		r.Header.Set("Authorization", "Bearer "+t.token)
		if body != nil {
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
		}
		resp, err := t.base.RoundTrip(r)
		if err != nil {
			return nil, err
		}
		wait, reason, limited := t.rateLimited(resp)
		if !limited {
			t.noteExhausted(resp)
			return resp, nil
		}
		if attempt >= t.tries || wait > t.maxWait {
			return resp, nil
		}
		// Drain so the connection is reused.
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if t.waited != nil {
			t.waited(reason, wait)
		}
		if err := t.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

// noteExhausted remembers a primary limit that a successful response says
// is used up. go-github would refuse every later call by itself until the
// reset, without asking GitHub; the transport waits instead, so the
// headers that would make go-github refuse are taken off the response.
func (t *retrying) noteExhausted(resp *http.Response) {
	if resp.StatusCode >= 300 || resp.Header.Get("X-RateLimit-Remaining") != "0" {
		return
	}
	n, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64)
	if err != nil {
		return
	}
	t.mu.Lock()
	t.exhaustedUntil = time.Unix(n, 0)
	t.mu.Unlock()
	resp.Header.Del("X-RateLimit-Remaining")
	resp.Header.Del("X-RateLimit-Reset")
}

// waitForReset waits for an exhausted primary limit to reset before the
// next request, if that is within maxWait; beyond it, the request goes
// out and GitHub's refusal becomes the error.
func (t *retrying) waitForReset(ctx context.Context) error {
	t.mu.Lock()
	until := t.exhaustedUntil
	t.exhaustedUntil = time.Time{}
	t.mu.Unlock()
	if until.IsZero() {
		return nil
	}
	wait := until.Sub(t.now()) + time.Second
	if wait <= 0 || wait > t.maxWait {
		return nil
	}
	if t.waited != nil {
		t.waited("primary rate limit used up", wait)
	}
	return t.sleep(ctx, wait)
}

// rateLimited says whether resp is a rate-limit refusal and how long to
// wait before trying again. The body is left readable.
func (t *retrying) rateLimited(resp *http.Response) (time.Duration, string, bool) {
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		return 0, "", false
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 0 {
			return time.Duration(n) * time.Second, "secondary rate limit", true
		}
	}
	if resp.Header.Get("X-RateLimit-Remaining") == "0" {
		if n, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64); err == nil {
			// One second more: the reset is rounded down to a second.
			wait := max(time.Unix(n, 0).Sub(t.now())+time.Second, time.Second)
			return wait, "primary rate limit", true
		}
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return time.Minute, "rate limit", true
	}
	// A 403 is a secondary limit only when the body says so; otherwise it
	// is a permission problem the caller must see.
	data, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	if strings.Contains(strings.ToLower(string(data)), "secondary rate limit") {
		return time.Minute, "secondary rate limit", true
	}
	return 0, "", false
}

// sleepCtx waits for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// redactor removes the token from anything about to be shown: error
// messages from the API may echo request details.
type redactor string

func (r redactor) String(s string) string {
	if r == "" {
		return s
	}
	return strings.ReplaceAll(s, string(r), "***")
}

func (r redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s", r.String(err.Error()))
}
