package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/term"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
)

// copyExamples copies the repository's examples/ to a temporary directory,
// so tests that write .sleuth/triage.json leave the repository alone.
func copyExamples(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "examples")
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == ".sleuth" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// tuiScanJSON runs `sleuth scan --format json` in-process and decodes the
// findings.
func tuiScanJSON(t *testing.T, args ...string) ([]analyzers.Finding, int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"scan", "--format", "json", "--fail-on", "none"}, args...), &out, &errb)
	var doc struct {
		Findings []analyzers.Finding `json:"findings"`
	}
	if code == ExitOK {
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("scan output is not JSON: %v\n%s", err, out.String())
		}
	}
	return doc.Findings, code, errb.String()
}

func TestTUINeedsATerminal(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"tui", filepath.Join("..", "..", "examples")}, &out, &errb)
	if code != ExitUsage || !strings.Contains(errb.String(), "the terminal UI needs a terminal") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	// Even when output pretends to be a terminal, input is checked for
	// real: a test must never start a program waiting for keys. (Run from
	// an interactive shell, go test may hand its terminal to the test.)
	if term.IsTerminal(int(os.Stdin.Fd())) {
		t.Skip("standard input is a terminal")
	}
	pretendTerminal(t)
	errb.Reset()
	if code := Run([]string{"scan", "--tui", filepath.Join("..", "..", "examples")}, &out, &errb); code != ExitUsage {
		t.Errorf("scan --tui without a terminal: exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	if code := Run([]string{"tui"}, &out, &errb); code != ExitUsage || !strings.Contains(errb.String(), "no PATH") {
		t.Errorf("tui without a path: exit %d, stderr %q", code, errb.String())
	}
}

func TestScanHonoursReviews(t *testing.T) {
	dir := copyExamples(t)
	all, code, stderr := tuiScanJSON(t, dir)
	if code != ExitOK || len(all) < 2 {
		t.Fatalf("scan: exit %d, %d findings, %s", code, len(all), stderr)
	}
	store, err := report.LoadReviews(dir)
	if err != nil {
		t.Fatal(err)
	}
	fp, ok := all[0], all[1]
	store.Set(fp.ID, analyzers.ReviewFalsePositive, "checked by hand", time.Now())
	store.Set(ok.ID, analyzers.ReviewConfirmed, "", time.Now())
	if err := store.Save(); err != nil {
		t.Fatal(err)
	}

	flagged, _, _ := tuiScanJSON(t, dir)
	if len(flagged) != len(all) {
		t.Errorf("--reviewed flag (the default) shows %d findings, want all %d", len(flagged), len(all))
	}
	reviews := map[string]analyzers.ReviewStatus{}
	for _, f := range flagged {
		if f.Review != nil {
			reviews[f.ID] = f.Review.Status
		}
	}
	if len(reviews) != 2 || reviews[fp.ID] != analyzers.ReviewFalsePositive || reviews[ok.ID] != analyzers.ReviewConfirmed {
		t.Errorf("reviews in the report = %v", reviews)
	}

	hidden, _, _ := tuiScanJSON(t, "--reviewed", "hide", dir)
	if len(hidden) != len(all)-1 {
		t.Errorf("--reviewed hide shows %d findings, want %d", len(hidden), len(all)-1)
	}
	for _, f := range hidden {
		if f.ID == fp.ID {
			t.Error("--reviewed hide still shows the false positive")
		}
	}
	var text, errb bytes.Buffer
	Run([]string{"scan", "--reviewed", "hide", "--fail-on", "none", dir}, &text, &errb)
	if !strings.Contains(text.String(), "reviewed as false positive") {
		t.Errorf("the text summary does not count the hidden review:\n%s", text.String())
	}

	if _, code, stderr := tuiScanJSON(t, "--reviewed", "maybe", dir); code != ExitUsage || !strings.Contains(stderr, "unknown --reviewed") {
		t.Errorf("--reviewed maybe: exit %d, %s", code, stderr)
	}
	os.WriteFile(store.Path, []byte("{oops"), 0o644)
	if _, code, stderr := tuiScanJSON(t, dir); code != ExitUsage || !strings.Contains(stderr, "triage.json") {
		t.Errorf("malformed triage file: exit %d, %s", code, stderr)
	}
}

// TestTUIEndToEndInTmux runs the real binary in a detached tmux session of
// fixed size, types as a user would (filter, open, ask, triage, quit),
// reads the screen with capture-pane, and checks what was written to
// .sleuth/triage.json and what a later scan makes of it.
func TestTUIEndToEndInTmux(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("SLEUTH_REQUIRE_TMUX") != "" {
			t.Fatal("SLEUTH_REQUIRE_TMUX is set but tmux is not installed")
		}
		t.Skip("tmux not installed; set SLEUTH_REQUIRE_TMUX=1 to make this a failure")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "sleuth")
	build := exec.Command("go", "build", "-o", bin, "github.com/sleuth-sec/sleuth")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := copyExamples(t)
	status := filepath.Join(tmp, "status")
	editorArgs := filepath.Join(tmp, "editor-args")
	editor := filepath.Join(tmp, "editor.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > "+editorArgs+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}

	// A private server (-S) so the test neither sees nor disturbs the
	// user's tmux. Ollama is pointed at a closed port: asking must say
	// why it cannot, promptly.
	sock := filepath.Join(tmp, "tmux.sock")
	tm := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	script := fmt.Sprintf("cd %q && env TERM=xterm-256color NO_COLOR=1 COLORTERM= OLLAMA_HOST=http://127.0.0.1:1 EDITOR=%q VISUAL= %q tui examples; echo \"exit=$?\" > %q; sleep 60",
		filepath.Dir(dir), editor, bin, status)
	tm("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", "sh", "-c", script)
	t.Cleanup(func() { exec.Command(tmux, "-S", sock, "kill-server").Run() })

	screen := func() string { return tm("capture-pane", "-p", "-t", "e2e") }
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; the screen:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	contains := func(texts ...string) func(string) bool {
		return func(s string) bool {
			for _, x := range texts {
				if !strings.Contains(s, x) {
					return false
				}
			}
			return true
		}
	}

	header := regexp.MustCompile(`sleuth (\d+)/(\d+)`)
	s := waitFor("the findings list", func(s string) bool { return header.MatchString(s) && strings.Contains(s, "? help") })
	m := header.FindStringSubmatch(s)
	total, _ := strconv.Atoi(m[2])
	if m[1] != m[2] || total == 0 {
		t.Fatalf("all findings should be shown at first, header says %s/%s:\n%s", m[1], m[2], s)
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > 24 {
		t.Errorf("screen has %d lines", len(lines))
	}

	// Filter.
	tm("send-keys", "-t", "e2e", "/")
	tm("send-keys", "-t", "e2e", "-l", "reentrancy-eth")
	tm("send-keys", "-t", "e2e", "Enter")
	s = waitFor("the filtered list", contains("/reentrancy-eth", "> HIGH"))
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "> ") || strings.HasPrefix(l, "  HIGH") || strings.HasPrefix(l, "  MED") || strings.HasPrefix(l, "  LOW") {
			if !strings.Contains(l, "reentrancy-eth") {
				t.Errorf("the filter lets through %q", l)
			}
		}
	}

	// Open the first match: source with the span marked, then details.
	tm("send-keys", "-t", "e2e", "Enter")
	s = waitFor("the finding screen", contains("── details", "reentrancy-eth · confidence"))
	if !regexp.MustCompile(`(?m)^>\s*\d+ │ .*\.call\{value:`).MatchString(s) || !strings.Contains(s, "^^^") {
		t.Errorf("the source pane does not mark the call:\n%s", s)
	}

	// Ask the model: nothing listens on port 1, and the UI says so.
	tm("send-keys", "-t", "e2e", "a")
	waitFor("the reason the model cannot be asked", contains("cannot ask the model", "Ollama is not running"))

	// Triage: false positive with a note.
	tm("send-keys", "-t", "e2e", "t")
	waitFor("the triage prompt", contains("[f]alse positive"))
	tm("send-keys", "-t", "e2e", "f")
	waitFor("the note prompt", contains("false-positive — note:"))
	tm("send-keys", "-t", "e2e", "-l", "guarded upstream")
	tm("send-keys", "-t", "e2e", "Enter")
	waitFor("the confirmation", contains("marked false-positive (saved to .sleuth/triage.json)"))

	// The editor opens at the line ($EDITOR is a script recording its
	// arguments), and the UI comes back.
	tm("send-keys", "-t", "e2e", "e")
	waitFor("the return from the editor", contains("back from the editor"))
	args, err := os.ReadFile(editorArgs)
	if err != nil {
		t.Fatalf("the editor did not run: %v", err)
	}
	if got := strings.Fields(string(args)); len(got) != 2 || !regexp.MustCompile(`^\+\d+$`).MatchString(got[0]) ||
		!strings.HasPrefix(got[1], dir+string(filepath.Separator)) || !strings.HasSuffix(got[1], ".sol") {
		t.Errorf("editor arguments = %q, want +LINE and the file's absolute path", got)
	}

	tm("send-keys", "-t", "e2e", "Escape")
	waitFor("the list with the mark", contains("1 reviewed", "HIGH x reentrancy-eth"))

	// Export the view; NO_COLOR means no colour escapes on screen.
	tm("send-keys", "-t", "e2e", "M")
	exported := regexp.MustCompile(`exported (\d+) findings to`)
	s = waitFor("the export", exported.MatchString)
	if n, _ := strconv.Atoi(exported.FindStringSubmatch(s)[1]); n == 0 || n >= total {
		t.Errorf("exported %d findings, want the filtered view's (fewer than all %d)", n, total)
	}
	md, err := os.ReadFile(filepath.Join(filepath.Dir(dir), exportName))
	if err != nil || !strings.Contains(string(md), "reentrancy-eth") || strings.Contains(string(md), "tx-origin") {
		t.Errorf("the exported Markdown should hold the filtered view: %v\n%s", err, md)
	}
	if raw := tm("capture-pane", "-p", "-e", "-t", "e2e"); regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])m`).MatchString(raw) {
		t.Errorf("NO_COLOR is set but the screen has colours: %q", raw)
	}

	// Quit.
	tm("send-keys", "-t", "e2e", "q")
	deadline := time.Now().Add(30 * time.Second)
	for {
		data, err := os.ReadFile(status)
		if err == nil && strings.TrimSpace(string(data)) != "" {
			if got := strings.TrimSpace(string(data)); got != "exit=0" {
				t.Errorf("sleuth tui ended with %s", got)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sleuth did not exit after q; the screen:\n%s", screen())
		}
		time.Sleep(50 * time.Millisecond)
	}

	// The triage file holds exactly that review, keyed by the id of the
	// finding the filter showed first.
	store, err := report.LoadReviews(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(store.Entries) != 1 {
		t.Fatalf("triage.json has %d reviews, want 1: %v", len(store.Entries), store.Entries)
	}
	all, code, stderr := tuiScanJSON(t, dir)
	if code != ExitOK {
		t.Fatalf("scan after triage: exit %d: %s", code, stderr)
	}
	var reviewed []analyzers.Finding
	for _, f := range all {
		if f.Review != nil {
			reviewed = append(reviewed, f)
		}
	}
	if len(reviewed) != 1 || reviewed[0].Detector != "reentrancy-eth" || reviewed[0].Review.Status != analyzers.ReviewFalsePositive ||
		reviewed[0].Review.Note != "guarded upstream" {
		t.Errorf("the later scan's reviewed findings = %+v", reviewed)
	}
	hidden, _, _ := tuiScanJSON(t, "--reviewed", "hide", dir)
	if len(hidden) != len(all)-1 {
		t.Errorf("--reviewed hide: %d findings, want %d", len(hidden), len(all)-1)
	}
}
