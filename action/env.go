package action

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Env is what GitHub Actions tells a step about the run.
type Env struct {
	// Owner and Repo come from GITHUB_REPOSITORY ("owner/repo").
	Owner, Repo string
	// Token is GITHUB_TOKEN; it is never printed.
	Token string
	// APIURL is GITHUB_API_URL: https://api.github.com, or
	// https://HOST/api/v3 on GitHub Enterprise Server.
	APIURL string
	// ServerURL is GITHUB_SERVER_URL, for links back to the code.
	ServerURL string
	// EventName is GITHUB_EVENT_NAME: pull_request, push, ….
	EventName string
	// SHA is the commit the check run is attached to: the pull request's
	// head, or GITHUB_SHA for other events.
	SHA string
	// PullRequest is the pull request's number, or 0 outside one.
	PullRequest int
	// Fork is true when the pull request comes from another repository:
	// its token is read-only, whatever the workflow asks for.
	Fork bool
	// StepSummary is GITHUB_STEP_SUMMARY, the file Markdown appended to
	// shows on the run's summary page; "" outside Actions.
	StepSummary string
}

// event is the part of the webhook payload at GITHUB_EVENT_PATH we use.
type event struct {
	PullRequest *struct {
		Number int `json:"number"`
		Head   struct {
			SHA  string `json:"sha"`
			Repo *struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"head"`
		Base struct {
			Repo *struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"base"`
	} `json:"pull_request"`
	After string `json:"after"` // push: the pushed head
}

// LoadEnv reads the environment through getenv (os.Getenv outside tests)
// and the event payload it points at.
func LoadEnv(getenv func(string) string) (Env, error) {
	e := Env{
		Token:       getenv("GITHUB_TOKEN"),
		APIURL:      strings.TrimRight(getenv("GITHUB_API_URL"), "/"),
		ServerURL:   strings.TrimRight(getenv("GITHUB_SERVER_URL"), "/"),
		EventName:   getenv("GITHUB_EVENT_NAME"),
		SHA:         getenv("GITHUB_SHA"),
		StepSummary: getenv("GITHUB_STEP_SUMMARY"),
	}
	repo := getenv("GITHUB_REPOSITORY")
	owner, name, ok := strings.Cut(repo, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return e, fmt.Errorf("GITHUB_REPOSITORY is %q, want owner/repo (is this running in GitHub Actions?)", repo)
	}
	e.Owner, e.Repo = owner, name
	if e.Token == "" {
		return e, errors.New("GITHUB_TOKEN is not set: pass it to the step (env: GITHUB_TOKEN: ${{ github.token }})")
	}
	if e.APIURL == "" {
		e.APIURL = "https://api.github.com"
	}
	if u, err := url.Parse(e.APIURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return e, fmt.Errorf("GITHUB_API_URL is %q, want an http(s) URL such as https://api.github.com", e.APIURL)
	}
	if e.ServerURL == "" {
		e.ServerURL = "https://github.com"
	}

	path := getenv("GITHUB_EVENT_PATH")
	if path == "" {
		return e, errors.New("GITHUB_EVENT_PATH is not set (is this running in GitHub Actions?)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return e, fmt.Errorf("reading the event payload: %w", err)
	}
	var ev event
	if err := json.Unmarshal(data, &ev); err != nil {
		return e, fmt.Errorf("reading the event payload %s: %w", path, err)
	}
	if pr := ev.PullRequest; pr != nil {
		if pr.Number <= 0 || pr.Head.SHA == "" {
			return e, fmt.Errorf("the event payload %s has a pull_request without number or head sha", path)
		}
		e.PullRequest, e.SHA = pr.Number, pr.Head.SHA
		// A deleted fork has no head repo: treat it as a fork too.
		e.Fork = pr.Head.Repo == nil || pr.Base.Repo == nil || !strings.EqualFold(pr.Head.Repo.FullName, pr.Base.Repo.FullName)
	} else if e.SHA == "" {
		e.SHA = ev.After
	}
	if e.SHA == "" {
		return e, errors.New("no commit to report on: GITHUB_SHA is not set and the event names none")
	}
	return e, nil
}
