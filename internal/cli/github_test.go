package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/action/githubtest"
)

const githubPRHead = "0123456789abcdef0123456789abcdef01234567"

// githubRun is one `sleuth github` run inside a fake Actions job: a
// workspace whose Solidity project lives in contracts/, a fake GitHub API
// and the environment variables the runner sets.
type githubRun struct {
	srv       *githubtest.Server
	workspace string
	vars      map[string]string
	sleeps    []time.Duration
}

func newGithubRun(t *testing.T, event string, token func(*githubtest.Server) string) *githubRun {
	t.Helper()
	workspace := tree(t, map[string]string{
		"contracts/foundry.toml":      "[profile.default]\nsrc = \"src\"\n",
		"contracts/src/VaultBase.sol": stagedVaultBase,
		"contracts/src/Vault.sol":     stagedVaultBug,
	})
	srv := githubtest.New("acme", "vault")
	t.Cleanup(srv.Close)
	// The pull request adds Vault.sol: every line of it is new.
	lines := strings.Split(strings.TrimSuffix(stagedVaultBug, "\n"), "\n")
	patch := fmt.Sprintf("@@ -0,0 +1,%d @@\n+%s", len(lines), strings.Join(lines, "\n+"))
	srv.AddPull(githubtest.Pull{Number: 3, HeadSHA: githubPRHead, Files: []githubtest.File{
		{Filename: "contracts/src/Vault.sol", Status: "added", Patch: patch},
	}})
	dir := t.TempDir()
	eventPath := filepath.Join(dir, "event.json")
	if err := os.WriteFile(eventPath, []byte(event), 0o644); err != nil {
		t.Fatal(err)
	}
	g := &githubRun{srv: srv, workspace: workspace, vars: map[string]string{
		"GITHUB_REPOSITORY": "acme/vault", "GITHUB_TOKEN": token(srv), "GITHUB_API_URL": srv.URL,
		"GITHUB_EVENT_PATH": eventPath, "GITHUB_SHA": "fedcba9876543210fedcba9876543210fedcba98",
		"GITHUB_WORKSPACE": workspace, "GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary.md"),
		"GITHUB_EVENT_NAME": "pull_request",
	}}
	oldEnv, oldSleep := githubGetenv, githubSleep
	githubGetenv = func(k string) string { return g.vars[k] }
	githubSleep = func(_ context.Context, d time.Duration) error { g.sleeps = append(g.sleeps, d); return nil }
	t.Cleanup(func() { githubGetenv, githubSleep = oldEnv, oldSleep })
	return g
}

func ghWriteToken(s *githubtest.Server) string { return s.WriteToken }
func ghReadToken(s *githubtest.Server) string  { return s.ReadToken }

// run runs `sleuth github` and checks what must always hold: requests in
// the documented shapes, and the token nowhere in the output.
func (g *githubRun) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	code, stdout, stderr = run(t, append([]string{"github", "--detectors", "reentrancy-eth,timestamp"}, append(args, filepath.Join(g.workspace, "contracts"))...)...)
	if v := g.srv.Violations(); len(v) > 0 {
		t.Errorf("requests deviating from the REST API:\n%s", strings.Join(v, "\n"))
	}
	summary, _ := os.ReadFile(g.vars["GITHUB_STEP_SUMMARY"])
	for _, text := range []string{stdout, stderr, string(summary)} {
		if strings.Contains(text, g.srv.WriteToken) || strings.Contains(text, g.srv.ReadToken) {
			t.Errorf("the token leaked into the output:\n%s", text)
		}
	}
	return code, stdout, stderr
}

func githubPREvent(headRepo string) string {
	return fmt.Sprintf(`{"number":3,"pull_request":{"number":3,"head":{"sha":%q,"repo":{"full_name":%q}},"base":{"repo":{"full_name":"acme/vault"}}}}`, githubPRHead, headRepo)
}

func TestGithubPullRequestEndToEnd(t *testing.T) {
	g := newGithubRun(t, githubPREvent("acme/vault"), ghWriteToken)
	sarif := filepath.Join(t.TempDir(), "sleuth.sarif")
	code, stdout, stderr := g.run(t, "--sarif", sarif)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d\nstderr:\n%s", code, ExitFindings, stderr)
	}
	if !strings.Contains(stdout, "reentrancy-eth") {
		t.Fatalf("no text report on stdout:\n%s", stdout)
	}
	// Code scanning maps results by repository path: the SARIF log names
	// contracts/src/Vault.sol, relative to the workspace, though the
	// project scanned is contracts/.
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatalf("--sarif: %v", err)
	}
	if uris := sarifURIs(t, data); len(uris) == 0 || uris[0] != "contracts/src/Vault.sol" {
		t.Fatalf("SARIF URIs %v, want contracts/src/Vault.sol", uris)
	}
	if root := sarifRootURI(t, data); !strings.HasSuffix(root, "/") || !strings.Contains(root, filepath.ToSlash(filepath.Base(g.workspace))+"/") ||
		strings.HasSuffix(root, "/contracts/") {
		t.Fatalf("%%SRCROOT%% is %s, want the workspace %s", root, g.workspace)
	}
	comments := g.srv.ReviewComments()
	if len(comments) != 1 {
		t.Fatalf("%d review comments, want 1 (reentrancy-eth): %+v", len(comments), comments)
	}
	c := comments[0]
	// Paths are repository-relative: the project is in contracts/.
	wantLine := strings.Count(stagedVaultBug[:strings.Index(stagedVaultBug, "msg.sender.call")], "\n") + 1
	if c.Path != "contracts/src/Vault.sol" || c.Line != wantLine || c.Side != "RIGHT" {
		t.Fatalf("comment on %s:%d %s, want contracts/src/Vault.sol:%d RIGHT", c.Path, c.Line, c.Side, wantLine)
	}
	if !strings.Contains(c.Body, "<!-- sleuth:finding ") || !strings.Contains(c.Body, "**Fix:**") {
		t.Fatalf("comment body:\n%s", c.Body)
	}
	runs := g.srv.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "failure" || runs[0].HeadSHA != githubPRHead || len(runs[0].Annotations) != 1 ||
		runs[0].Annotations[0].Path != "contracts/src/Vault.sol" {
		t.Fatalf("check runs %+v", runs)
	}
	if ics := g.srv.IssueComments(); len(ics) != 1 || !strings.Contains(ics[0].Body, "contracts/src/Vault.sol") {
		t.Fatalf("summary comments %+v", ics)
	}

	// The workflow re-runs: nothing is duplicated.
	code, _, stderr = g.run(t)
	if code != ExitFindings {
		t.Fatalf("re-run: exit %d\n%s", code, stderr)
	}
	if n, m := len(g.srv.ReviewComments()), len(g.srv.Reviews()); n != 1 || m != 1 {
		t.Fatalf("after a re-run: %d comments in %d reviews, want 1 in 1", n, m)
	}
	if n := len(g.srv.IssueComments()); n != 1 {
		t.Fatalf("after a re-run: %d summary comments, want 1", n)
	}
}

func TestGithubPushEndToEnd(t *testing.T) {
	g := newGithubRun(t, `{"ref":"refs/heads/main","after":"fedcba9876543210fedcba9876543210fedcba98"}`, ghWriteToken)
	g.vars["GITHUB_EVENT_NAME"] = "push"
	code, _, stderr := g.run(t, "--fail-on", "none")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	reqs := g.srv.Requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != "/repos/acme/vault/check-runs" {
		t.Fatalf("requests %+v", reqs)
	}
	if r := g.srv.CheckRuns()[0]; r.HeadSHA != "fedcba9876543210fedcba9876543210fedcba98" || r.Conclusion != "neutral" {
		t.Fatalf("check run %+v", r)
	}
	summary, _ := os.ReadFile(g.vars["GITHUB_STEP_SUMMARY"])
	if !strings.Contains(string(summary), "## sleuth: 1 finding (1 high)") {
		t.Fatalf("job summary:\n%s", summary)
	}
}

func TestGithubForkEndToEnd(t *testing.T) {
	g := newGithubRun(t, githubPREvent("mallory/vault"), ghReadToken)
	code, stdout, stderr := g.run(t)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, r := range g.srv.Requests() {
		if r.Method != "GET" {
			t.Fatalf("a fork's run wrote: %s %s", r.Method, r.Path)
		}
	}
	if !strings.Contains(stdout, "::error file=contracts/src/Vault.sol,line=") {
		t.Fatalf("no workflow command:\n%s", stdout)
	}
	if !strings.Contains(stderr, "workflow commands") {
		t.Fatalf("stderr does not explain the fallback:\n%s", stderr)
	}
}

func TestGithubRateLimitedEndToEnd(t *testing.T) {
	g := newGithubRun(t, githubPREvent("acme/vault"), ghWriteToken)
	g.srv.Fail(githubtest.Failure{Method: "POST", Path: "/pulls/3/reviews", Kind: "secondary", RetryAfter: 30})
	g.srv.Fail(githubtest.Failure{Method: "GET", Path: "/issues/3/comments", Kind: "primary", ResetIn: 40 * time.Second})
	code, _, stderr := g.run(t)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if len(g.sleeps) != 2 || g.sleeps[0] != 30*time.Second || g.sleeps[1] < 38*time.Second || g.sleeps[1] > 42*time.Second {
		t.Fatalf("waits %v, want 30s then about 40s", g.sleeps)
	}
	if len(g.srv.ReviewComments()) != 1 || len(g.srv.IssueComments()) != 1 || len(g.srv.CheckRuns()) != 1 {
		t.Fatal("the run did not complete after the rate limits")
	}
}

func TestGithubOutsideActions(t *testing.T) {
	g := newGithubRun(t, githubPREvent("acme/vault"), ghWriteToken)
	delete(g.vars, "GITHUB_REPOSITORY")
	code, _, stderr := g.run(t)
	if code != ExitUsage || !strings.Contains(stderr, "GITHUB_REPOSITORY") || !strings.Contains(stderr, "use 'sleuth scan'") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if len(g.srv.Requests()) != 0 {
		t.Fatal("requests made without an environment")
	}

	// A project outside the workspace cannot be reported on.
	g = newGithubRun(t, githubPREvent("acme/vault"), ghWriteToken)
	g.vars["GITHUB_WORKSPACE"] = t.TempDir()
	if code, _, stderr := g.run(t); code != ExitUsage || !strings.Contains(stderr, "outside the repository") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestGithubPublishFailureExits3(t *testing.T) {
	g := newGithubRun(t, githubPREvent("acme/vault"), ghWriteToken)
	g.srv.Fail(githubtest.Failure{Method: "GET", Path: "/pulls/3/files", Kind: "server-error"})
	code, _, stderr := g.run(t)
	if code != ExitFailure || !strings.Contains(stderr, "GitHub answered 500") || !strings.Contains(stderr, "Bearer ***") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// sarifURIs are the artifact URIs of a SARIF log's results, in order.
func sarifURIs(t *testing.T, data []byte) []string {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log with one run: %v\n%s", err, data)
	}
	var uris []string
	for _, r := range log.Runs[0].Results {
		a := r.Locations[0].PhysicalLocation.ArtifactLocation
		if a.URIBaseID != "%SRCROOT%" {
			t.Errorf("uriBaseId %q", a.URIBaseID)
		}
		uris = append(uris, a.URI)
	}
	return uris
}

// sarifRootURI is the log's %SRCROOT%.
func sarifRootURI(t *testing.T, data []byte) string {
	t.Helper()
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log with one run: %v", err)
	}
	return log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI
}
