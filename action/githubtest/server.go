// Package githubtest is an httptest stand-in for the part of the GitHub
// REST API that sleuth's action uses. It keeps state (pull requests and
// their files, review comments, issue comments, check runs), answers with
// the documented shapes (pagination through Link headers, 403 for
// read-only tokens, 422 for invalid requests, rate limits), records every
// request, and records as a violation every request that does not match
// the documented shape: tests assert there are none.
//
// It is served under /api/v3, the GitHub Enterprise Server layout, so the
// client under test must honour GITHUB_API_URL to reach it.
package githubtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Server is the fake API.
type Server struct {
	srv *httptest.Server
	// URL is the API's base, as GITHUB_API_URL would hold it.
	URL string
	// Owner and Repo name the one repository served.
	Owner, Repo string
	// WriteToken may write; ReadToken only read (a fork's token).
	WriteToken, ReadToken string
	// After, when set, runs after each request is answered (outside the
	// server's lock): tests change state there to simulate races.
	After func(Request)

	mu             sync.Mutex
	nextID         int64
	pulls          map[int]*Pull
	reviews        []*Review
	reviewComments []*ReviewComment
	issueComments  []*IssueComment
	checkRuns      []*CheckRun
	requests       []Request
	violations     []string
	failures       []*Failure
	exhaust        *Failure
	remaining      int
}

// Pull is a pull request: its head commit and changed files.
type Pull struct {
	Number  int
	HeadSHA string
	Files   []File
}

// File is an entry of GET /repos/{owner}/{repo}/pulls/{n}/files.
type File struct {
	Filename string `json:"filename"`
	Status   string `json:"status"` // added, modified, removed, renamed
	Patch    string `json:"patch,omitempty"`
}

// Review is a submitted pull-request review.
type Review struct {
	ID       int64  `json:"id"`
	Pull     int    `json:"-"`
	CommitID string `json:"commit_id"`
	Body     string `json:"body"`
	State    string `json:"state"`
}

// ReviewComment is an inline comment on a pull request's diff.
type ReviewComment struct {
	ID       int64  `json:"id"`
	Pull     int    `json:"-"`
	ReviewID int64  `json:"pull_request_review_id"`
	CommitID string `json:"commit_id"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Side     string `json:"side"`
	Body     string `json:"body"`
}

// IssueComment is a comment on a pull request's conversation.
type IssueComment struct {
	ID      int64  `json:"id"`
	Issue   int    `json:"-"`
	Body    string `json:"body"`
	Updates int    `json:"-"` // how many times it was edited
}

// CheckRun is a check run and everything sent to it.
type CheckRun struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	HeadSHA     string       `json:"head_sha"`
	Status      string       `json:"status"`
	Conclusion  string       `json:"conclusion,omitempty"`
	Title       string       `json:"-"`
	Summary     string       `json:"-"`
	Annotations []Annotation `json:"-"`
	// Batches is the number of annotations each request carried.
	Batches []int `json:"-"`
}

// Annotation is a check-run annotation.
type Annotation struct {
	Path            string `json:"path"`
	StartLine       int    `json:"start_line"`
	EndLine         int    `json:"end_line"`
	StartColumn     int    `json:"start_column,omitempty"`
	EndColumn       int    `json:"end_column,omitempty"`
	AnnotationLevel string `json:"annotation_level"`
	Message         string `json:"message"`
	Title           string `json:"title,omitempty"`
	RawDetails      string `json:"raw_details,omitempty"`
}

// Request is a recorded request and the status it got.
type Request struct {
	Method string
	Path   string // below the API base: /repos/o/r/…
	Query  url.Values
	Body   string
	Auth   string // the Authorization header as sent
	Status int
}

// Failure makes matching requests fail before they are handled.
type Failure struct {
	Method string
	// Path is matched as a suffix of the request path.
	Path string
	// Kind: "secondary" (403 with Retry-After), "too-many" (429 with
	// Retry-After), "primary" (403, X-RateLimit-Remaining: 0 and a reset
	// ResetIn from now), "exhaust" (the request succeeds, but its
	// response says the primary limit is used up until ResetIn from now),
	// "server-error" (500 quoting the request's Authorization header).
	Kind       string
	RetryAfter int
	ResetIn    time.Duration
	// Times is how many requests fail; 0 means 1.
	Times int

	echo string
}

// New starts a fake serving owner/repo.
func New(owner, repo string) *Server {
	s := &Server{Owner: owner, Repo: repo, WriteToken: "ghs_write0123456789abcdefSECRET", ReadToken: "ghs_read0123456789abcdefSECRET",
		nextID: 1000, pulls: map[int]*Pull{}, remaining: 5000}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL + "/api/v3"
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// AddPull registers a pull request.
func (s *Server) AddPull(p Pull) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pulls[p.Number] = &p
}

// Fail queues a failure.
func (s *Server) Fail(f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Times == 0 {
		f.Times = 1
	}
	s.failures = append(s.failures, &f)
}

// AddIssueComment adds a comment someone else wrote.
func (s *Server) AddIssueComment(issue int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	s.issueComments = append(s.issueComments, &IssueComment{ID: s.nextID, Issue: issue, Body: body})
}

// AddReviewComment adds an inline comment someone else wrote.
func (s *Server) AddReviewComment(c ReviewComment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	c.ID = s.nextID
	s.reviewComments = append(s.reviewComments, &c)
}

// Requests returns the requests so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Violations returns every deviation from the documented request shapes.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// Reviews returns the submitted reviews.
func (s *Server) Reviews() []Review {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Review
	for _, r := range s.reviews {
		out = append(out, *r)
	}
	return out
}

// ReviewComments returns the inline comments.
func (s *Server) ReviewComments() []ReviewComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []ReviewComment
	for _, c := range s.reviewComments {
		out = append(out, *c)
	}
	return out
}

// IssueComments returns the conversation comments.
func (s *Server) IssueComments() []IssueComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []IssueComment
	for _, c := range s.issueComments {
		out = append(out, *c)
	}
	return out
}

// CheckRuns returns the check runs.
func (s *Server) CheckRuns() []CheckRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []CheckRun
	for _, c := range s.checkRuns {
		cp := *c
		cp.Annotations = slices.Clone(c.Annotations)
		cp.Batches = slices.Clone(c.Batches)
		out = append(out, cp)
	}
	return out
}

var (
	rePullFiles     = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/pulls/(\d+)/files$`)
	rePullComments  = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/pulls/(\d+)/comments$`)
	rePullReviews   = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/pulls/(\d+)/reviews$`)
	reIssueComments = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/issues/(\d+)/comments$`)
	reIssueComment  = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/issues/comments/(\d+)$`)
	reCheckRuns     = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/check-runs$`)
	reCheckRun      = regexp.MustCompile(`^/repos/([^/]+)/([^/]+)/check-runs/(\d+)$`)
)

// response is what a handler answers.
type response struct {
	status int
	header http.Header
	body   any
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	var body bytes.Buffer
	body.ReadFrom(r.Body)
	req := s.serveLocked(w, r, body.Bytes())
	if s.After != nil {
		s.After(req)
	}
}

func (s *Server) serveLocked(w http.ResponseWriter, r *http.Request, body []byte) Request {
	s.mu.Lock()
	defer s.mu.Unlock()

	path := strings.TrimPrefix(r.URL.Path, "/api/v3")
	req := Request{Method: r.Method, Path: path, Query: r.URL.Query(), Body: string(body), Auth: r.Header.Get("Authorization")}
	resp := s.handle(r, path, body)
	req.Status = resp.status
	s.requests = append(s.requests, req)

	h := w.Header()
	for k, v := range resp.header {
		h[k] = v
	}
	if f := s.exhaust; f != nil {
		// This request succeeds but uses up the primary limit.
		s.exhaust = nil
		h.Set("X-RateLimit-Limit", "5000")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Used", "5000")
		h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(f.ResetIn).Unix(), 10))
		h.Set("X-RateLimit-Resource", "core")
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	if h.Get("X-RateLimit-Remaining") == "" {
		if s.remaining > 0 {
			s.remaining--
		}
		h.Set("X-RateLimit-Limit", "5000")
		h.Set("X-RateLimit-Remaining", strconv.Itoa(s.remaining))
		h.Set("X-RateLimit-Used", strconv.Itoa(5000-s.remaining))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
		h.Set("X-RateLimit-Resource", "core")
	}
	w.WriteHeader(resp.status)
	if resp.body != nil {
		json.NewEncoder(w).Encode(resp.body)
	}
	return req
}

func (s *Server) violation(format string, args ...any) {
	s.violations = append(s.violations, fmt.Sprintf(format, args...))
}

func message(status int, msg, doc string) response {
	return response{status: status, body: map[string]any{"message": msg, "documentation_url": doc, "status": strconv.Itoa(status)}}
}

func validationFailed(resource, field, code, msg string) response {
	e := map[string]string{"resource": resource, "field": field, "code": code}
	if msg != "" {
		e["message"] = msg
	}
	return response{status: http.StatusUnprocessableEntity, body: map[string]any{
		"message": "Validation Failed", "errors": []any{e},
		"documentation_url": "https://docs.github.com/rest", "status": "422"}}
}

func (s *Server) handle(r *http.Request, path string, body []byte) response {
	if !strings.HasPrefix(r.URL.Path, "/api/v3/") {
		s.violation("%s %s: not under the API base /api/v3 (GITHUB_API_URL ignored?)", r.Method, r.URL.Path)
		return message(http.StatusNotFound, "Not Found", "https://docs.github.com/rest")
	}
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		token, ok = strings.CutPrefix(auth, "token ")
	}
	if !ok || (token != s.WriteToken && token != s.ReadToken) {
		return message(http.StatusUnauthorized, "Bad credentials", "https://docs.github.com/rest")
	}
	if f := s.failure(r.Method, path); f != nil {
		if f.Kind != "exhaust" {
			f.echo = auth
			return s.rateLimited(f)
		}
		s.exhaust = f
	}
	write := r.Method != http.MethodGet
	if write && token == s.ReadToken {
		return message(http.StatusForbidden, "Resource not accessible by integration",
			"https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request")
	}
	if write && r.Header.Get("Content-Type") != "application/json" {
		s.violation("%s %s: Content-Type %q, want application/json", r.Method, path, r.Header.Get("Content-Type"))
	}

	route := func(re *regexp.Regexp) []string {
		m := re.FindStringSubmatch(path)
		if m == nil || m[1] != s.Owner || m[2] != s.Repo {
			return nil
		}
		return m
	}
	num := func(m []string) int { n, _ := strconv.Atoi(m[3]); return n }
	switch {
	case route(rePullFiles) != nil && r.Method == http.MethodGet:
		p := s.pulls[num(route(rePullFiles))]
		if p == nil {
			return message(http.StatusNotFound, "Not Found", "")
		}
		return s.page(r, path, p.Files)
	case route(rePullComments) != nil && r.Method == http.MethodGet:
		n := num(route(rePullComments))
		var list []*ReviewComment
		for _, c := range s.reviewComments {
			if c.Pull == n {
				list = append(list, c)
			}
		}
		return s.page(r, path, list)
	case route(rePullComments) != nil && r.Method == http.MethodPost:
		return s.createReviewComment(path, num(route(rePullComments)), body)
	case route(rePullReviews) != nil && r.Method == http.MethodPost:
		return s.createReview(path, num(route(rePullReviews)), body)
	case route(reIssueComments) != nil && r.Method == http.MethodGet:
		n := num(route(reIssueComments))
		var list []*IssueComment
		for _, c := range s.issueComments {
			if c.Issue == n {
				list = append(list, c)
			}
		}
		return s.page(r, path, list)
	case route(reIssueComments) != nil && r.Method == http.MethodPost:
		return s.writeIssueComment(path, num(route(reIssueComments)), 0, body)
	case route(reIssueComment) != nil && r.Method == http.MethodPatch:
		id, _ := strconv.ParseInt(route(reIssueComment)[3], 10, 64)
		return s.writeIssueComment(path, 0, id, body)
	case route(reCheckRuns) != nil && r.Method == http.MethodPost:
		return s.writeCheckRun(path, 0, body)
	case route(reCheckRun) != nil && r.Method == http.MethodPatch:
		id, _ := strconv.ParseInt(route(reCheckRun)[3], 10, 64)
		return s.writeCheckRun(path, id, body)
	}
	s.violation("%s %s: no such endpoint in the REST API subset", r.Method, path)
	return message(http.StatusNotFound, "Not Found", "https://docs.github.com/rest")
}

func (s *Server) failure(method, path string) *Failure {
	for i, f := range s.failures {
		if f.Method == method && strings.HasSuffix(path, f.Path) {
			f.Times--
			if f.Times == 0 {
				s.failures = slices.Delete(s.failures, i, i+1)
			}
			return f
		}
	}
	return nil
}

func (s *Server) rateLimited(f *Failure) response {
	h := http.Header{}
	switch f.Kind {
	case "primary":
		h.Set("X-RateLimit-Limit", "5000")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Used", "5000")
		h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(f.ResetIn).Unix(), 10))
		h.Set("X-RateLimit-Resource", "core")
		r := message(http.StatusForbidden, "API rate limit exceeded for installation ID 1.",
			"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits")
		r.header = h
		return r
	case "server-error":
		// A misbehaving proxy that echoes the request's credentials: the
		// client must not pass them on.
		return message(http.StatusInternalServerError, "upstream failed for "+f.echo, "")
	case "too-many":
		h.Set("Retry-After", strconv.Itoa(f.RetryAfter))
		r := message(http.StatusTooManyRequests, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
		r.header = h
		return r
	default:
		h.Set("Retry-After", strconv.Itoa(f.RetryAfter))
		r := message(http.StatusForbidden, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
		r.header = h
		return r
	}
}

// page serves one page of a list: per_page (default 30, at most 100) and
// page (from 1), with a Link header naming the next, last, first and
// previous pages the way GitHub does.
func (s *Server) page(r *http.Request, path string, all any) response {
	q := r.URL.Query()
	for k := range q {
		if k != "per_page" && k != "page" && k != "sort" && k != "direction" && k != "since" {
			s.violation("GET %s: unknown query parameter %q", path, k)
		}
	}
	perPage, page := 30, 1
	if v := q.Get("per_page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			s.violation("GET %s: per_page=%q, want 1..100", path, v)
		} else {
			perPage = n
		}
	}
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.violation("GET %s: page=%q, want a positive number", path, v)
		} else {
			page = n
		}
	}
	items, _ := json.Marshal(all)
	var list []json.RawMessage
	json.Unmarshal(items, &list)
	last := max(1, (len(list)+perPage-1)/perPage)
	start, end := min((page-1)*perPage, len(list)), min(page*perPage, len(list))
	h := http.Header{}
	link := func(p int, rel string) string {
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: url.Values{"per_page": {strconv.Itoa(perPage)}, "page": {strconv.Itoa(p)}}.Encode()}
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var links []string
	if page < last {
		links = append(links, link(page+1, "next"), link(last, "last"))
	}
	if page > 1 {
		links = append(links, link(1, "first"), link(page-1, "prev"))
	}
	if len(links) > 0 {
		h.Set("Link", strings.Join(links, ", "))
	}
	out := list[start:end]
	if out == nil {
		out = []json.RawMessage{}
	}
	return response{status: http.StatusOK, header: h, body: out}
}

// decode reads a JSON body strictly: a field the endpoint does not
// document is a violation.
func (s *Server) decode(path string, body []byte, v any) bool {
	d := json.NewDecoder(bytes.NewReader(body))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		s.violation("%s: body does not match the documented shape: %v", path, err)
		return false
	}
	return true
}

type draftComment struct {
	Path      *string `json:"path"`
	Body      *string `json:"body"`
	Line      *int    `json:"line"`
	Side      *string `json:"side"`
	StartLine *int    `json:"start_line"`
	StartSide *string `json:"start_side"`
	Position  *int    `json:"position"`
}

// inDiff reports whether line is on the RIGHT side of a hunk of path's
// patch: an added or a context line, the only ones GitHub accepts.
func (p *Pull) inDiff(path string, line int) bool {
	for _, f := range p.Files {
		if f.Filename != path || f.Patch == "" {
			continue
		}
		n := 0
		for _, l := range strings.Split(f.Patch, "\n") {
			switch {
			case strings.HasPrefix(l, "@@"):
				fields := strings.Fields(l)
				start, _, _ := strings.Cut(strings.TrimPrefix(fields[2], "+"), ",")
				n, _ = strconv.Atoi(start)
			case strings.HasPrefix(l, "-"), strings.HasPrefix(l, `\`):
			default:
				if n == line {
					return true
				}
				n++
			}
		}
	}
	return false
}

func (s *Server) checkDraft(path string, p *Pull, c draftComment) (ok bool, why string) {
	switch {
	case c.Path == nil || *c.Path == "":
		s.violation("%s: a comment without path", path)
		return false, "path"
	case c.Body == nil || *c.Body == "":
		s.violation("%s: a comment without body", path)
		return false, "body"
	case c.Position != nil:
		s.violation("%s: a comment uses the deprecated position instead of line and side", path)
		return false, "position"
	case c.Line == nil:
		s.violation("%s: a comment without line", path)
		return false, "line"
	case c.Side != nil && *c.Side != "RIGHT" && *c.Side != "LEFT":
		s.violation("%s: side %q, want LEFT or RIGHT", path, *c.Side)
		return false, "side"
	}
	if c.Side == nil || *c.Side != "RIGHT" {
		s.violation("%s: comment on %s:%d not on side RIGHT (the new version)", path, *c.Path, *c.Line)
	}
	return p.inDiff(*c.Path, *c.Line), "line"
}

func (s *Server) createReview(path string, n int, body []byte) response {
	p := s.pulls[n]
	if p == nil {
		return message(http.StatusNotFound, "Not Found", "")
	}
	var req struct {
		CommitID *string        `json:"commit_id"`
		Body     *string        `json:"body"`
		Event    *string        `json:"event"`
		Comments []draftComment `json:"comments"`
	}
	if !s.decode(path, body, &req) {
		return message(http.StatusBadRequest, "Problems parsing JSON", "")
	}
	if req.Event == nil || !slices.Contains([]string{"APPROVE", "REQUEST_CHANGES", "COMMENT"}, *req.Event) {
		s.violation("%s: event %v, want APPROVE, REQUEST_CHANGES or COMMENT (absent leaves the review pending)", path, req.Event)
	}
	if req.Event != nil && *req.Event == "COMMENT" && (req.Body == nil || *req.Body == "") && len(req.Comments) == 0 {
		return validationFailed("PullRequestReview", "body", "missing_field", "")
	}
	if req.CommitID != nil && *req.CommitID != p.HeadSHA {
		return message(http.StatusUnprocessableEntity, "Unprocessable Entity", "")
	}
	for _, c := range req.Comments {
		if ok, _ := s.checkDraft(path, p, c); !ok {
			return response{status: http.StatusUnprocessableEntity, body: map[string]any{
				"message":           "Unprocessable Entity",
				"errors":            []string{"Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"},
				"documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request", "status": "422"}}
		}
	}
	s.nextID++
	rev := &Review{ID: s.nextID, Pull: n, CommitID: p.HeadSHA, State: "COMMENTED"}
	if req.Body != nil {
		rev.Body = *req.Body
	}
	s.reviews = append(s.reviews, rev)
	for _, c := range req.Comments {
		s.nextID++
		s.reviewComments = append(s.reviewComments, &ReviewComment{ID: s.nextID, Pull: n, ReviewID: rev.ID, CommitID: p.HeadSHA,
			Path: *c.Path, Line: *c.Line, Side: "RIGHT", Body: *c.Body})
	}
	return response{status: http.StatusOK, body: rev}
}

func (s *Server) createReviewComment(path string, n int, body []byte) response {
	p := s.pulls[n]
	if p == nil {
		return message(http.StatusNotFound, "Not Found", "")
	}
	var req struct {
		draftComment
		CommitID *string `json:"commit_id"`
	}
	if !s.decode(path, body, &req) {
		return message(http.StatusBadRequest, "Problems parsing JSON", "")
	}
	if req.CommitID == nil || *req.CommitID == "" {
		s.violation("%s: commit_id is required", path)
		return validationFailed("PullRequestReviewComment", "commit_id", "missing_field", "")
	}
	if ok, field := s.checkDraft(path, p, req.draftComment); !ok {
		return validationFailed("PullRequestReviewComment", "pull_request_review_thread."+field, "custom",
			"pull_request_review_thread."+field+" must be part of the diff")
	}
	s.nextID++
	c := &ReviewComment{ID: s.nextID, Pull: n, CommitID: *req.CommitID, Path: *req.Path, Line: *req.Line, Side: "RIGHT", Body: *req.Body}
	s.reviewComments = append(s.reviewComments, c)
	return response{status: http.StatusCreated, body: c}
}

// maxBody is GitHub's limit on a comment body.
const maxBody = 65536

func (s *Server) writeIssueComment(path string, issue int, id int64, body []byte) response {
	var req struct {
		Body *string `json:"body"`
	}
	if !s.decode(path, body, &req) {
		return message(http.StatusBadRequest, "Problems parsing JSON", "")
	}
	if req.Body == nil || *req.Body == "" {
		s.violation("%s: body is required", path)
		return validationFailed("IssueComment", "body", "missing_field", "")
	}
	if len([]rune(*req.Body)) > maxBody {
		s.violation("%s: body longer than %d characters", path, maxBody)
		return validationFailed("IssueComment", "body", "custom", "Body is too long (maximum is 65536 characters)")
	}
	if id == 0 {
		if _, ok := s.pulls[issue]; !ok {
			return message(http.StatusNotFound, "Not Found", "")
		}
		s.nextID++
		c := &IssueComment{ID: s.nextID, Issue: issue, Body: *req.Body}
		s.issueComments = append(s.issueComments, c)
		return response{status: http.StatusCreated, body: c}
	}
	for _, c := range s.issueComments {
		if c.ID == id {
			c.Body = *req.Body
			c.Updates++
			return response{status: http.StatusOK, body: c}
		}
	}
	return message(http.StatusNotFound, "Not Found", "")
}

type checkRunBody struct {
	Name        *string `json:"name"`
	HeadSHA     *string `json:"head_sha"`
	Status      *string `json:"status"`
	Conclusion  *string `json:"conclusion"`
	StartedAt   *string `json:"started_at"`
	CompletedAt *string `json:"completed_at"`
	DetailsURL  *string `json:"details_url"`
	ExternalID  *string `json:"external_id"`
	Output      *struct {
		Title       *string      `json:"title"`
		Summary     *string      `json:"summary"`
		Text        *string      `json:"text"`
		Annotations []Annotation `json:"annotations"`
	} `json:"output"`
}

func (s *Server) writeCheckRun(path string, id int64, body []byte) response {
	var req checkRunBody
	if !s.decode(path, body, &req) {
		return message(http.StatusBadRequest, "Problems parsing JSON", "")
	}
	fail := func(field, format string, args ...any) response {
		s.violation("%s: "+format, append([]any{path}, args...)...)
		return validationFailed("CheckRun", field, "invalid", "")
	}
	if id == 0 && (req.Name == nil || *req.Name == "" || req.HeadSHA == nil || *req.HeadSHA == "") {
		return fail("name", "name and head_sha are required")
	}
	if id != 0 && req.HeadSHA != nil {
		return fail("head_sha", "head_sha cannot be updated")
	}
	if req.Status != nil && !slices.Contains([]string{"queued", "in_progress", "completed"}, *req.Status) {
		return fail("status", "status %q", *req.Status)
	}
	if req.Conclusion != nil && !slices.Contains([]string{"action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"}, *req.Conclusion) {
		return fail("conclusion", "conclusion %q", *req.Conclusion)
	}
	if (req.Status != nil && *req.Status == "completed") != (req.Conclusion != nil) {
		return fail("conclusion", "conclusion is required with status completed, and only then")
	}
	if req.CompletedAt != nil {
		if _, err := time.Parse(time.RFC3339, *req.CompletedAt); err != nil {
			return fail("completed_at", "completed_at %q is not ISO 8601", *req.CompletedAt)
		}
	}
	if o := req.Output; o != nil {
		if o.Title == nil || o.Summary == nil {
			return fail("output", "output needs title and summary")
		}
		if len([]rune(*o.Summary)) > 65535 {
			return fail("output", "output.summary longer than 65535 characters")
		}
		if len(o.Annotations) > 50 {
			return fail("output", "%d annotations in one request, at most 50", len(o.Annotations))
		}
		for _, a := range o.Annotations {
			switch {
			case a.Path == "" || a.Message == "" || a.StartLine < 1 || a.EndLine < a.StartLine:
				return fail("annotations", "annotation %+v lacks path, message or a valid line range", a)
			case !slices.Contains([]string{"notice", "warning", "failure"}, a.AnnotationLevel):
				return fail("annotations", "annotation_level %q", a.AnnotationLevel)
			case (a.StartColumn != 0 || a.EndColumn != 0) && a.StartLine != a.EndLine:
				return fail("annotations", "columns on a multi-line annotation")
			}
		}
	}
	var run *CheckRun
	if id == 0 {
		s.nextID++
		run = &CheckRun{ID: s.nextID, Name: *req.Name, HeadSHA: *req.HeadSHA, Status: "queued"}
		s.checkRuns = append(s.checkRuns, run)
	} else {
		for _, c := range s.checkRuns {
			if c.ID == id {
				run = c
			}
		}
		if run == nil {
			return message(http.StatusNotFound, "Not Found", "")
		}
		if req.Name != nil {
			run.Name = *req.Name
		}
	}
	if req.Status != nil {
		run.Status = *req.Status
	}
	if req.Conclusion != nil {
		run.Conclusion = *req.Conclusion
	}
	if o := req.Output; o != nil {
		run.Title, run.Summary = *o.Title, *o.Summary
		// Annotations accumulate over updates, as GitHub documents.
		run.Annotations = append(run.Annotations, o.Annotations...)
		run.Batches = append(run.Batches, len(o.Annotations))
	}
	status := http.StatusOK
	if id == 0 {
		status = http.StatusCreated
	}
	return response{status: status, body: run}
}
