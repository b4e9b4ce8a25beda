package action

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/action/githubtest"
	"github.com/sleuth-sec/sleuth/analyzers"
)

const headSHA = "0123456789abcdef0123456789abcdef01234567"

// vaultPatch adds lines 8 to 11 of src/Vault.sol; lines 6, 7 and 12 are
// context.
const vaultPatch = `@@ -5,4 +5,8 @@ contract Vault {
     mapping(address => uint256) balances;
 
     function withdraw() external {
+        uint256 amount = balances[msg.sender];
+        (bool ok, ) = msg.sender.call{value: amount}("");
+        require(ok);
+        balances[msg.sender] = 0;
     }
-    // old
 }`

// fixture is a fake API with pull request #7, whose 130 changed files
// take two pages to list.
func fixture(t *testing.T) *githubtest.Server {
	t.Helper()
	srv := githubtest.New("acme", "vault")
	t.Cleanup(srv.Close)
	files := []githubtest.File{{Filename: "src/Vault.sol", Status: "modified", Patch: vaultPatch}}
	for i := range 129 {
		files = append(files, githubtest.File{Filename: fmt.Sprintf("docs/page%03d.md", i), Status: "added", Patch: "@@ -0,0 +1 @@\n+x"})
	}
	srv.AddPull(githubtest.Pull{Number: 7, HeadSHA: headSHA, Files: files})
	return srv
}

type scenario struct {
	srv     *githubtest.Server
	env     Env
	stdout  bytes.Buffer
	log     bytes.Buffer
	sleeps  []time.Duration
	summary string
	mu      sync.Mutex
}

// prEnv is the environment of a pull_request workflow run; fork makes the
// head a fork's branch.
func newScenario(t *testing.T, srv *githubtest.Server, event string, token string) *scenario {
	t.Helper()
	dir := t.TempDir()
	eventPath := filepath.Join(dir, "event.json")
	if err := os.WriteFile(eventPath, []byte(event), 0o644); err != nil {
		t.Fatal(err)
	}
	sc := &scenario{srv: srv, summary: filepath.Join(dir, "summary.md")}
	vars := map[string]string{
		"GITHUB_REPOSITORY": "acme/vault", "GITHUB_TOKEN": token, "GITHUB_API_URL": srv.URL,
		"GITHUB_EVENT_PATH": eventPath, "GITHUB_SHA": "fedcba9876543210fedcba9876543210fedcba98",
		"GITHUB_STEP_SUMMARY": sc.summary, "GITHUB_SERVER_URL": "https://github.example.com",
	}
	env, err := LoadEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	sc.env = env
	return sc
}

func prEvent(headRepo string) string {
	return fmt.Sprintf(`{"action":"synchronize","number":7,"pull_request":{"number":7,"head":{"sha":%q,"repo":{"full_name":%q}},"base":{"sha":"aaaa","repo":{"full_name":"acme/vault"}}}}`, headSHA, headRepo)
}

func (sc *scenario) publish(t *testing.T, in Input) (Outcome, error) {
	t.Helper()
	p := &Publisher{Env: sc.env, Stdout: &sc.stdout, Log: &sc.log, Sleep: func(_ context.Context, d time.Duration) error {
		sc.mu.Lock()
		defer sc.mu.Unlock()
		sc.sleeps = append(sc.sleeps, d)
		return nil
	}, MaxWait: time.Minute}
	out, err := p.Publish(context.Background(), in)
	sc.checkClean(t, err)
	return out, err
}

// checkClean asserts what must hold after every run: requests matched the
// documented shapes and the token appears nowhere.
func (sc *scenario) checkClean(t *testing.T, err error) {
	t.Helper()
	if v := sc.srv.Violations(); len(v) > 0 {
		t.Errorf("requests deviating from the REST API:\n%s", strings.Join(v, "\n"))
	}
	summary, _ := os.ReadFile(sc.summary)
	texts := []string{sc.stdout.String(), sc.log.String(), string(summary)}
	if err != nil {
		texts = append(texts, err.Error())
	}
	for _, c := range sc.srv.IssueComments() {
		texts = append(texts, c.Body)
	}
	for _, c := range sc.srv.ReviewComments() {
		texts = append(texts, c.Body)
	}
	for _, text := range texts {
		for _, tok := range []string{sc.srv.WriteToken, sc.srv.ReadToken} {
			if strings.Contains(text, tok) {
				t.Errorf("the token leaked into output:\n%s", text)
			}
		}
	}
}

func finding(id, detector string, sev analyzers.Severity, file string, line int) analyzers.Finding {
	return analyzers.Finding{ID: id, Detector: detector, Title: detector + " title", Message: detector + " message",
		Severity: sev, Confidence: analyzers.ConfidenceHigh,
		Location: analyzers.Location{File: file, StartLine: line, StartColumn: 9, EndLine: line, EndColumn: 40}}
}

func input(fs ...analyzers.Finding) Input {
	return Input{Findings: fs, FailOn: analyzers.High, Version: "0.1.0", Files: 3,
		Detector: func(id string) *analyzers.Analyzer {
			return &analyzers.Analyzer{ID: id, Recommendation: "Recommendation for " + id + "."}
		}}
}

// prFindings: one on an added line, with an LLM verdict; one on a context
// line; one in a file the pull request does not touch.
func prFindings() []analyzers.Finding {
	reent := finding("id-reent", "reentrancy-eth", analyzers.High, "src/Vault.sol", 9)
	reent.Triage = &analyzers.Triage{Verdict: analyzers.TruePositive, Confidence: 0.9, Rationale: "balances written after the call",
		Fix: "Zero the balance before the call.", Model: "qwen2.5-coder:7b"}
	return []analyzers.Finding{reent,
		finding("id-ctx", "tx-origin", analyzers.Medium, "src/Vault.sol", 6),
		finding("id-other", "timestamp", analyzers.Low, "src/Other.sol", 5)}
}

func requestLines(srv *githubtest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		line := fmt.Sprintf("%s %s", r.Method, r.Path)
		if p := r.Query.Get("page"); p != "" {
			line += "?page=" + p
		}
		out = append(out, fmt.Sprintf("%s -> %d", line, r.Status))
	}
	return out
}

func TestPullRequest(t *testing.T) {
	srv := fixture(t)
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.WriteToken)
	out, err := sc.publish(t, input(prFindings()...))
	if err != nil {
		t.Fatal(err)
	}

	want := []string{
		"GET /repos/acme/vault/pulls/7/files -> 200",
		"GET /repos/acme/vault/pulls/7/files?page=2 -> 200",
		"GET /repos/acme/vault/pulls/7/comments -> 200",
		"POST /repos/acme/vault/pulls/7/reviews -> 200",
		"GET /repos/acme/vault/issues/7/comments -> 200",
		"POST /repos/acme/vault/issues/7/comments -> 201",
		"POST /repos/acme/vault/check-runs -> 201",
	}
	if got := requestLines(srv); !slices.Equal(got, want) {
		t.Fatalf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range srv.Requests() {
		if r.Auth != "Bearer "+srv.WriteToken {
			t.Fatalf("%s %s sent Authorization %q", r.Method, r.Path, r.Auth)
		}
	}

	// One review, one inline comment: the finding on an added line.
	reviews, comments := srv.Reviews(), srv.ReviewComments()
	if len(reviews) != 1 || len(comments) != 1 {
		t.Fatalf("%d reviews, %d comments; want 1 and 1", len(reviews), len(comments))
	}
	c := comments[0]
	if c.Path != "src/Vault.sol" || c.Line != 9 || c.Side != "RIGHT" || c.CommitID != headSHA {
		t.Fatalf("comment at %s:%d %s on %s", c.Path, c.Line, c.Side, c.CommitID)
	}
	for _, s := range []string{"<!-- sleuth:finding id-reent -->", "reentrancy-eth", "reentrancy-eth message",
		"**Fix:** Zero the balance before the call.", "**LLM verdict:** true-positive (confidence 0.90, qwen2.5-coder:7b)"} {
		if !strings.Contains(c.Body, s) {
			t.Errorf("comment lacks %q:\n%s", s, c.Body)
		}
	}
	if out.Comments != 1 || out.OffDiff != 2 || out.Skipped != 0 {
		t.Errorf("outcome %+v", out)
	}

	// The sticky summary lists all three, linked to their lines.
	ics := srv.IssueComments()
	if len(ics) != 1 || !strings.HasPrefix(ics[0].Body, summaryMarker) {
		t.Fatalf("issue comments: %+v", ics)
	}
	for _, s := range []string{"3 findings (1 high, 1 medium, 1 low)", "https://github.example.com/acme/vault/blob/" + headSHA + "/src/Vault.sol#L9-L9", "src/Other.sol:5"} {
		if !strings.Contains(ics[0].Body, s) {
			t.Errorf("summary lacks %q:\n%s", s, ics[0].Body)
		}
	}

	// The check run: completed, failing on the high finding, three
	// annotations in one request.
	runs := srv.CheckRuns()
	if len(runs) != 1 {
		t.Fatalf("%d check runs", len(runs))
	}
	r := runs[0]
	if r.Name != "sleuth" || r.HeadSHA != headSHA || r.Status != "completed" || r.Conclusion != "failure" || !slices.Equal(r.Batches, []int{3}) {
		t.Fatalf("check run %+v", r)
	}
	a := r.Annotations[0]
	if a.Path != "src/Vault.sol" || a.StartLine != 9 || a.AnnotationLevel != "failure" || a.StartColumn != 9 || a.EndColumn != 39 ||
		!strings.Contains(a.RawDetails, "Zero the balance") {
		t.Fatalf("annotation %+v", a)
	}
	if lv := []string{r.Annotations[1].AnnotationLevel, r.Annotations[2].AnnotationLevel}; !slices.Equal(lv, []string{"warning", "notice"}) {
		t.Fatalf("levels %v", lv)
	}

	// No workflow commands with a token that can write; the job summary
	// is there.
	if sc.stdout.Len() != 0 {
		t.Fatalf("workflow commands with a writable token:\n%s", sc.stdout.String())
	}
	if data, _ := os.ReadFile(sc.summary); !strings.Contains(string(data), "## sleuth: 3 findings") {
		t.Fatalf("job summary:\n%s", data)
	}
}

func TestRerunDoesNotDuplicate(t *testing.T) {
	srv := fixture(t)
	// 120 comments by people first: sleuth's own are on page 2 of both
	// lists.
	for i := range 120 {
		srv.AddIssueComment(7, fmt.Sprintf("looks good %d", i))
		srv.AddReviewComment(githubtest.ReviewComment{Pull: 7, CommitID: headSHA, Path: "src/Vault.sol", Line: 8, Side: "RIGHT",
			Body: fmt.Sprintf("nit %d", i)})
	}
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.WriteToken)
	if _, err := sc.publish(t, input(prFindings()...)); err != nil {
		t.Fatal(err)
	}
	// The same results again: nothing new is posted, nothing edited.
	out, err := sc.publish(t, input(prFindings()...))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Reviews()); n != 1 {
		t.Fatalf("%d reviews after a re-run, want 1", n)
	}
	if n := len(srv.ReviewComments()); n != 121 {
		t.Fatalf("%d review comments after a re-run, want 120 + 1", n)
	}
	var pages []string
	for _, r := range srv.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/pulls/7/comments") {
			pages = append(pages, r.Query.Get("page"))
		}
	}
	if !slices.Equal(pages, []string{"", "2", "", "2"}) {
		t.Fatalf("review comments listed as pages %q, want both pages on each run", pages)
	}
	if out.Skipped != 1 || out.Comments != 0 {
		t.Fatalf("outcome %+v", out)
	}
	var sticky []githubtest.IssueComment
	for _, c := range srv.IssueComments() {
		if strings.HasPrefix(c.Body, summaryMarker) {
			sticky = append(sticky, c)
		}
	}
	if len(sticky) != 1 || sticky[0].Updates != 0 {
		t.Fatalf("sticky comments %+v", sticky)
	}

	// A new push adds a finding: only it is commented, and the summary is
	// edited in place.
	more := append(prFindings(), finding("id-new", "unchecked-lowlevel", analyzers.Medium, "src/Vault.sol", 10))
	out, err = sc.publish(t, input(more...))
	if err != nil {
		t.Fatal(err)
	}
	comments := srv.ReviewComments()[120:]
	if len(comments) != 2 || comments[1].Line != 10 || !strings.Contains(comments[1].Body, "<!-- sleuth:finding id-new -->") || out.Comments != 1 {
		t.Fatalf("comments after a new finding: %+v (outcome %+v)", comments, out)
	}
	sticky = sticky[:0]
	for _, c := range srv.IssueComments() {
		if strings.HasPrefix(c.Body, summaryMarker) {
			sticky = append(sticky, c)
		}
	}
	if len(sticky) != 1 || sticky[0].Updates != 1 || !strings.Contains(sticky[0].Body, "4 findings") {
		t.Fatalf("sticky comment not edited in place: %+v", sticky)
	}
	var patched bool
	for _, r := range srv.Requests() {
		patched = patched || (r.Method == "PATCH" && r.Path == fmt.Sprintf("/repos/acme/vault/issues/comments/%d", sticky[0].ID))
	}
	if !patched {
		t.Fatal("no PATCH of the sticky comment")
	}
	// Each run has its own check run.
	if n := len(srv.CheckRuns()); n != 3 {
		t.Fatalf("%d check runs, want 3", n)
	}
}

func TestPushEvent(t *testing.T) {
	srv := fixture(t)
	sc := newScenario(t, srv, `{"ref":"refs/heads/main","after":"fedcba9876543210fedcba9876543210fedcba98"}`, srv.WriteToken)
	fs := []analyzers.Finding{finding("id-low", "timestamp", analyzers.Low, "src/Vault.sol", 9)}
	out, err := sc.publish(t, input(fs...))
	if err != nil {
		t.Fatal(err)
	}
	if got := requestLines(srv); !slices.Equal(got, []string{"POST /repos/acme/vault/check-runs -> 201"}) {
		t.Fatalf("requests on push: %v", got)
	}
	r := srv.CheckRuns()[0]
	if r.HeadSHA != "fedcba9876543210fedcba9876543210fedcba98" || r.Conclusion != "neutral" || out.CheckFailing {
		t.Fatalf("check run %+v", r)
	}
}

func TestManyAnnotationsAreBatched(t *testing.T) {
	srv := fixture(t)
	sc := newScenario(t, srv, `{"after":"fedcba9876543210fedcba9876543210fedcba98"}`, srv.WriteToken)
	var fs []analyzers.Finding
	for i := range 120 {
		fs = append(fs, finding(fmt.Sprintf("id%d", i), "timestamp", analyzers.Low, "src/Vault.sol", i+1))
	}
	out, err := sc.publish(t, input(fs...))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"POST /repos/acme/vault/check-runs -> 201", "PATCH /repos/acme/vault/check-runs/1001 -> 200", "PATCH /repos/acme/vault/check-runs/1001 -> 200"}
	if got := requestLines(srv); !slices.Equal(got, want) {
		t.Fatalf("requests %v", got)
	}
	r := srv.CheckRuns()[0]
	if !slices.Equal(r.Batches, []int{50, 50, 20}) || len(r.Annotations) != 120 || r.Status != "completed" || r.Conclusion != "neutral" || out.Annotations != 120 {
		t.Fatalf("check run: batches %v, %d annotations, %s/%s", r.Batches, len(r.Annotations), r.Status, r.Conclusion)
	}
	// The first request leaves the run in progress until the last batch.
	var first struct{ Status string }
	json.Unmarshal([]byte(srv.Requests()[0].Body), &first)
	if first.Status != "in_progress" {
		t.Fatalf("first request status %q", first.Status)
	}
}

func TestForkFallsBackToWorkflowCommands(t *testing.T) {
	srv := fixture(t)
	sc := newScenario(t, srv, prEvent("mallory/vault"), srv.ReadToken)
	if !sc.env.Fork {
		t.Fatal("a pull request from mallory/vault is not seen as a fork")
	}
	fs := prFindings()
	fs[1].Location.File = "src/odd,name:1.sol"
	fs[1].Message = "100% sure\nsecond line"
	out, err := sc.publish(t, input(fs...))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range srv.Requests() {
		if r.Method != "GET" {
			t.Fatalf("a write with a fork's token: %s %s", r.Method, r.Path)
		}
	}
	if !out.Fallback || out.Annotations != 3 {
		t.Fatalf("outcome %+v", out)
	}
	lines := strings.Split(strings.TrimSpace(sc.stdout.String()), "\n")
	want := []string{
		"::error file=src/Vault.sol,line=9,endLine=9,col=9,endColumn=39,title=reentrancy-eth%3A reentrancy-eth title::reentrancy-eth message%0ALLM verdict: true-positive%0AFix: Zero the balance before the call.",
		"::warning file=src/odd%2Cname%3A1.sol,line=6,endLine=6,col=9,endColumn=39,title=tx-origin%3A tx-origin title::100%25 sure%0Asecond line%0AFix: Recommendation for tx-origin.",
		"::notice file=src/Other.sol,line=5,endLine=5,col=9,endColumn=39,title=timestamp%3A timestamp title::timestamp message%0AFix: Recommendation for timestamp.",
	}
	if !slices.Equal(lines, want) {
		t.Fatalf("workflow commands:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if data, _ := os.ReadFile(sc.summary); !strings.Contains(string(data), "3 findings") {
		t.Fatalf("job summary:\n%s", data)
	}
	if !strings.Contains(sc.log.String(), "cannot write") {
		t.Fatalf("log does not explain the fallback:\n%s", sc.log.String())
	}
}

// A read-only token on a same-repository pull request (permissions: read)
// is only discovered by GitHub's 403.
func TestReadOnlyTokenDiscoveredBy403(t *testing.T) {
	srv := fixture(t)
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.ReadToken)
	out, err := sc.publish(t, input(prFindings()...))
	if err != nil {
		t.Fatal(err)
	}
	var writes []string
	for _, r := range srv.Requests() {
		if r.Method != "GET" {
			writes = append(writes, fmt.Sprintf("%s %s -> %d", r.Method, r.Path, r.Status))
		}
	}
	if !slices.Equal(writes, []string{"POST /repos/acme/vault/pulls/7/reviews -> 403"}) {
		t.Fatalf("writes %v: want one refused attempt, then no more", writes)
	}
	if !out.Fallback || !strings.HasPrefix(sc.stdout.String(), "::error file=src/Vault.sol,line=9") {
		t.Fatalf("no fallback: %+v\n%s", out, sc.stdout.String())
	}
}

func TestRateLimitsAreWaitedOut(t *testing.T) {
	srv := fixture(t)
	srv.Fail(githubtest.Failure{Method: "GET", Path: "/pulls/7/files", Kind: "too-many", RetryAfter: 1})
	srv.Fail(githubtest.Failure{Method: "POST", Path: "/pulls/7/reviews", Kind: "secondary", RetryAfter: 7})
	srv.Fail(githubtest.Failure{Method: "POST", Path: "/check-runs", Kind: "primary", ResetIn: 20 * time.Second})
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.WriteToken)
	if _, err := sc.publish(t, input(prFindings()...)); err != nil {
		t.Fatal(err)
	}
	statuses := map[string][]int{}
	for _, r := range srv.Requests() {
		k := r.Method + " " + r.Path + "?" + r.Query.Get("page")
		statuses[k] = append(statuses[k], r.Status)
	}
	for k, want := range map[string][]int{
		"GET /repos/acme/vault/pulls/7/files?":    {429, 200},
		"POST /repos/acme/vault/pulls/7/reviews?": {403, 200},
		"POST /repos/acme/vault/check-runs?":      {403, 201},
	} {
		if !slices.Equal(statuses[k], want) {
			t.Errorf("%s: statuses %v, want %v", k, statuses[k], want)
		}
	}
	if len(sc.sleeps) != 3 || sc.sleeps[0] != time.Second || sc.sleeps[1] != 7*time.Second ||
		sc.sleeps[2] < 18*time.Second || sc.sleeps[2] > 22*time.Second {
		t.Fatalf("waits %v, want 1s, 7s and about 20s", sc.sleeps)
	}
	if len(srv.Reviews()) != 1 || len(srv.CheckRuns()) != 1 {
		t.Fatalf("%d reviews, %d check runs after retries", len(srv.Reviews()), len(srv.CheckRuns()))
	}
	if !strings.Contains(sc.log.String(), "secondary rate limit: waiting 7s") {
		t.Fatalf("log:\n%s", sc.log.String())
	}
}

func TestRateLimitTooLongFails(t *testing.T) {
	srv := fixture(t)
	srv.Fail(githubtest.Failure{Method: "POST", Path: "/check-runs", Kind: "primary", ResetIn: time.Hour})
	sc := newScenario(t, srv, `{"after":"fedcba9876543210fedcba9876543210fedcba98"}`, srv.WriteToken)
	_, err := sc.publish(t, input(prFindings()...))
	if err == nil || !strings.Contains(err.Error(), "rate limit is exhausted until") {
		t.Fatalf("err = %v", err)
	}
	if len(sc.sleeps) != 0 {
		t.Fatalf("waited %v for a reset beyond MaxWait", sc.sleeps)
	}
}

// A push racing the run moves a line out of the diff: GitHub rejects the
// whole review with 422, and the comments still valid are posted alone.
func TestReviewRejectedWith422(t *testing.T) {
	srv := fixture(t)
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.WriteToken)
	srv.After = func(r githubtest.Request) {
		if r.Method == "GET" && r.Path == "/repos/acme/vault/pulls/7/comments" {
			// Line 10 is no longer part of the diff.
			srv.AddPull(githubtest.Pull{Number: 7, HeadSHA: headSHA, Files: []githubtest.File{{Filename: "src/Vault.sol", Status: "modified",
				Patch: "@@ -5,3 +5,5 @@\n x\n y\n z\n+a\n+b"}}})
		}
	}
	fs := append(prFindings(), finding("id-10", "unchecked-lowlevel", analyzers.Medium, "src/Vault.sol", 10))
	out, err := sc.publish(t, input(fs...))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range srv.Requests() {
		if r.Method == "POST" && strings.Contains(r.Path, "/pulls/") {
			got = append(got, fmt.Sprintf("%s -> %d", r.Path, r.Status))
		}
	}
	want := []string{"/repos/acme/vault/pulls/7/reviews -> 422", "/repos/acme/vault/pulls/7/comments -> 201", "/repos/acme/vault/pulls/7/comments -> 422"}
	if !slices.Equal(got, want) {
		t.Fatalf("posts %v, want %v", got, want)
	}
	if out.Comments != 1 || len(srv.ReviewComments()) != 1 || srv.ReviewComments()[0].Line != 9 {
		t.Fatalf("outcome %+v, comments %+v", out, srv.ReviewComments())
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	srv := fixture(t)
	srv.Fail(githubtest.Failure{Method: "GET", Path: "/pulls/7/files", Kind: "server-error"})
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.WriteToken)
	_, err := sc.publish(t, input(prFindings()...))
	if err == nil || !strings.Contains(err.Error(), "GitHub answered 500") || !strings.Contains(err.Error(), "Bearer ***") {
		t.Fatalf("err = %v; want the 500 with the echoed token masked", err)
	}
}

func TestLoadEnvErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "event.json")
	os.WriteFile(good, []byte(`{"after":"abc"}`), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{`), 0o644)
	base := map[string]string{"GITHUB_REPOSITORY": "a/b", "GITHUB_TOKEN": "t0ken", "GITHUB_EVENT_PATH": good}
	for _, tc := range []struct {
		change map[string]string
		want   string
	}{
		{map[string]string{"GITHUB_REPOSITORY": ""}, "GITHUB_REPOSITORY"},
		{map[string]string{"GITHUB_REPOSITORY": "a/b/c"}, "GITHUB_REPOSITORY"},
		{map[string]string{"GITHUB_TOKEN": ""}, "GITHUB_TOKEN is not set"},
		{map[string]string{"GITHUB_API_URL": "ftp://x"}, "GITHUB_API_URL"},
		{map[string]string{"GITHUB_EVENT_PATH": ""}, "GITHUB_EVENT_PATH"},
		{map[string]string{"GITHUB_EVENT_PATH": bad}, "event payload"},
		{map[string]string{"GITHUB_EVENT_PATH": filepath.Join(dir, "missing.json")}, "event payload"},
	} {
		vars := map[string]string{}
		for k, v := range base {
			vars[k] = v
		}
		for k, v := range tc.change {
			vars[k] = v
		}
		_, err := LoadEnv(func(k string) string { return vars[k] })
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "t0ken") {
			t.Errorf("%v: err = %v, want %q", tc.change, err, tc.want)
		}
	}
	env, err := LoadEnv(func(k string) string { return base[k] })
	if err != nil || env.APIURL != "https://api.github.com" || env.SHA != "abc" || env.PullRequest != 0 {
		t.Fatalf("defaults: %+v, %v", env, err)
	}
}

// A successful response that uses up the primary limit: go-github would
// refuse the next call on its own; the client waits for the reset instead.
func TestPrimaryLimitUsedUpBySuccess(t *testing.T) {
	srv := fixture(t)
	srv.Fail(githubtest.Failure{Method: "GET", Path: "/pulls/7/comments", Kind: "exhaust", ResetIn: 30 * time.Second})
	sc := newScenario(t, srv, prEvent("acme/vault"), srv.WriteToken)
	if _, err := sc.publish(t, input(prFindings()...)); err != nil {
		t.Fatal(err)
	}
	if len(sc.sleeps) != 1 || sc.sleeps[0] < 28*time.Second || sc.sleeps[0] > 32*time.Second {
		t.Fatalf("waits %v, want one of about 30s", sc.sleeps)
	}
	if len(srv.Reviews()) != 1 || len(srv.CheckRuns()) != 1 {
		t.Fatal("the run did not complete after the reset")
	}
}
