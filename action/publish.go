package action

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/go-github/v62/github"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// Input is what a scan found, ready to publish.
type Input struct {
	// Findings have repository-relative paths (forward slashes).
	Findings []analyzers.Finding
	// Detector looks up a detector's documentation for the fix; may be nil.
	Detector func(id string) *analyzers.Analyzer
	// FailOn is the severity that fails the check run; "" never fails it.
	FailOn analyzers.Severity
	// Version is sleuth's, Files how many files were scanned.
	Version string
	Files   int
	// Failure, when set, says why the analysis could not complete.
	Failure string
}

// Publisher posts a scan's results to GitHub.
type Publisher struct {
	Env Env
	// Stdout receives workflow commands (the fallback annotations);
	// Log receives progress and warnings. Neither ever sees the token.
	Stdout, Log io.Writer
	// HTTPClient is the base transport's client; nil uses
	// http.DefaultTransport.
	HTTPClient *http.Client
	// Sleep waits out rate limits; nil sleeps for real. MaxWait bounds a
	// single wait (default 10 minutes): beyond it, the call fails.
	Sleep   func(context.Context, time.Duration) error
	MaxWait time.Duration

	gh     *github.Client
	redact redactor
}

// Outcome says what Publish did.
type Outcome struct {
	Comments     int   // inline comments posted this run
	Skipped      int   // findings already commented on by an earlier run
	OffDiff      int   // findings on lines the pull request did not change
	SummaryID    int64 // the sticky comment, 0 when none
	CheckRunID   int64 // 0 when none was created
	Fallback     bool  // the token was read-only: workflow commands instead
	Annotations  int   // check-run annotations or workflow-command annotations
	SummaryFile  bool  // the job summary was written
	CheckFailing bool  // findings at or above FailOn
}

// errReadOnly is a write refused because the token may only read.
var errReadOnly = errors.New("the token is read-only")

// Publish posts in: on a pull request the review, the sticky summary and
// the check run; otherwise the check run. A read-only token switches to
// workflow commands; the job summary is written whenever the runner asks
// for one. Errors never contain the token.
func (p *Publisher) Publish(ctx context.Context, in Input) (out Outcome, err error) {
	p.redact = redactor(p.Env.Token)
	defer func() { err = p.redact.Error(err) }()
	if err := p.client(); err != nil {
		return out, err
	}
	for _, f := range in.Findings {
		if in.FailOn != "" && f.Severity.AtLeast(in.FailOn) {
			out.CheckFailing = true
		}
	}

	// A fork's token is read-only whatever the workflow asks for; trying
	// to write anyway would only add a 403 per call to the log.
	readOnly := p.Env.Fork
	if !readOnly && p.Env.PullRequest > 0 {
		err := p.review(ctx, &in, &out)
		if errors.Is(err, errReadOnly) {
			readOnly = true
		} else if err != nil {
			return out, err
		}
		if !readOnly {
			if err := p.sticky(ctx, &in, &out); errors.Is(err, errReadOnly) {
				readOnly = true
			} else if err != nil {
				return out, err
			}
		}
	}
	if !readOnly {
		if err := p.checkRun(ctx, &in, &out); errors.Is(err, errReadOnly) {
			readOnly = true
		} else if err != nil {
			return out, err
		}
	}
	if readOnly {
		out.Fallback = true
		p.logf("the token cannot write to %s/%s (a pull request from a fork?): reporting through workflow commands and the job summary", p.Env.Owner, p.Env.Repo)
		out.Annotations = p.workflowCommands(&in)
	}
	if p.Env.StepSummary != "" {
		if err := p.jobSummary(&in); err != nil {
			return out, err
		}
		out.SummaryFile = true
	}
	return out, nil
}

// client builds the go-github client against GITHUB_API_URL.
func (p *Publisher) client() error {
	base, err := url.Parse(p.Env.APIURL + "/")
	if err != nil {
		return fmt.Errorf("GITHUB_API_URL: %w", err)
	}
	rt := http.DefaultTransport
	if p.HTTPClient != nil && p.HTTPClient.Transport != nil {
		rt = p.HTTPClient.Transport
	}
	sleep := p.Sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	maxWait := p.MaxWait
	if maxWait == 0 {
		maxWait = 10 * time.Minute
	}
	t := &retrying{base: rt, token: p.Env.Token, sleep: sleep, maxWait: maxWait, now: time.Now, tries: 6,
		waited: func(reason string, d time.Duration) {
			p.logf("GitHub %s: waiting %s before retrying", reason, d.Round(time.Second))
		}}
	p.gh = github.NewClient(&http.Client{Transport: t, Timeout: 2 * time.Minute})
	p.gh.BaseURL = base
	p.gh.UserAgent = "sleuth-action"
	return nil
}

func (p *Publisher) logf(format string, args ...any) {
	if p.Log != nil {
		fmt.Fprintln(p.Log, p.redact.String("sleuth: "+fmt.Sprintf(format, args...)))
	}
}

// classify turns a refused write into errReadOnly and words every other
// API error briefly (the method, the path and GitHub's message).
func classify(what string, err error) error {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		if er.Response.StatusCode == http.StatusForbidden && strings.Contains(er.Message, "Resource not accessible by integration") {
			return fmt.Errorf("%s: %w", what, errReadOnly)
		}
		msg := er.Message
		for _, e := range er.Errors {
			msg += "; " + strings.TrimSpace(e.Message+" "+e.Field)
		}
		return fmt.Errorf("%s: GitHub answered %d: %s", what, er.Response.StatusCode, msg)
	}
	var rl *github.RateLimitError
	if errors.As(err, &rl) {
		return fmt.Errorf("%s: GitHub's rate limit is exhausted until %s", what, rl.Rate.Reset.UTC().Format(time.RFC3339))
	}
	var ab *github.AbuseRateLimitError
	if errors.As(err, &ab) {
		return fmt.Errorf("%s: GitHub's secondary rate limit persists: %s", what, ab.Message)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// statusOf is the HTTP status of an API error, or 0.
func statusOf(err error) int {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		return er.Response.StatusCode
	}
	return 0
}
