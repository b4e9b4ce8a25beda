package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/llm/ollamatest"
)

// The labelled set: findings judged by hand (testdata/triage/labels.json).
// `make triage-eval MODEL=…` runs TestTriageEval, which triages each of
// them with a real model and prints precision and recall.

type labelled struct {
	Scan     string            `json:"scan"`
	ID       string            `json:"id"`
	Detector string            `json:"detector"`
	File     string            `json:"file"`
	Line     int               `json:"line"`
	Label    analyzers.Verdict `json:"label"`
	Why      string            `json:"why"`
}

func loadLabels(t *testing.T) []labelled {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "triage", "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var doc struct {
		Description string     `json:"description"`
		Findings    []labelled `json:"findings"`
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("labels.json: %v", err)
	}
	return doc.Findings
}

// TestTriageLabels checks the labelled set itself: at least 30 findings,
// both labels well represented, each with a reason, and (leniently, as
// detectors evolve) still reported where the label says.
func TestTriageLabels(t *testing.T) {
	labels := loadLabels(t)
	seen := map[string]bool{}
	count := map[analyzers.Verdict]int{}
	for _, l := range labels {
		if l.Label != analyzers.TruePositive && l.Label != analyzers.FalsePositive {
			t.Errorf("%s: label %q", l.ID, l.Label)
		}
		if len(l.Why) < 20 || l.Scan == "" || len(l.ID) != 32 || l.Detector == "" || l.File == "" || l.Line < 1 {
			t.Errorf("incomplete entry %+v", l)
		}
		if seen[l.ID] {
			t.Errorf("%s labelled twice", l.ID)
		}
		seen[l.ID] = true
		count[l.Label]++
	}
	if len(labels) < 30 || count[analyzers.TruePositive] < 10 || count[analyzers.FalsePositive] < 10 {
		t.Errorf("%d labelled findings (%d true, %d false positives): want at least 30, 10 of each", len(labels), count[analyzers.TruePositive], count[analyzers.FalsePositive])
	}
	if os.Getenv("SLEUTH_REQUIRE_CORPUS") == "" {
		if _, err := os.Stat(filepath.Join("..", "testdata", "corpus", "node_modules")); err != nil {
			t.Skip("corpus not installed (make corpus): not resolving the labels")
		}
	}
	// A label whose finding is gone (a detector got more precise) is stale:
	// replace it, so the set keeps measuring what sleuth reports today.
	_, missing := resolveLabels(t, labels)
	for _, l := range missing {
		t.Errorf("no longer reported, relabel testdata/triage/labels.json: %s %s %s:%d", l.ID[:8], l.Detector, l.File, l.Line)
	}
}

// scans memoises the labelled paths' scans: the corpora are large, and
// two tests read them.
var scans = map[string]struct {
	prog *sema.Program
	fs   []analyzers.Finding
}{}

// scanOnce scans a repository-relative path once per test binary; callers
// get their own copy of the findings.
func scanOnce(t *testing.T, path string) (*sema.Program, []analyzers.Finding) {
	t.Helper()
	s, ok := scans[path]
	if !ok {
		s.prog, s.fs = scan(t, filepath.Join("..", filepath.FromSlash(path)))
		scans[path] = s
	}
	return s.prog, slices.Clone(s.fs)
}

// labelCase is a labelled finding with what triage needs.
type labelCase struct {
	labelled
	finding analyzers.Finding
}

// resolveLabels scans each labelled path once and finds the labelled
// findings by id.
func resolveLabels(t *testing.T, labels []labelled) (cases []labelCase, missing []labelled) {
	t.Helper()
	byScan := map[string][]analyzers.Finding{}
	for _, l := range labels {
		fs, ok := byScan[l.Scan]
		if !ok {
			_, fs = scanOnce(t, l.Scan)
			byScan[l.Scan] = fs
		}
		found := false
		for _, f := range fs {
			if f.ID == l.ID {
				cases = append(cases, labelCase{labelled: l, finding: f})
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, l)
		}
	}
	return cases, missing
}

// evalResult is a confusion matrix over the verdicts, with "true positive"
// the positive class: precision is how often the model's true-positive
// verdicts are right, recall how many real bugs it keeps as such.
type evalResult struct {
	tp, fp, tn, fn     int // model verdict vs label; uncertain counts as not positive
	uncertain, failed  int
	missing            int
	labelledFPsFlagged int // labelled false positives the model called false positive
}

func (r evalResult) precision() float64 { return ratio(r.tp, r.tp+r.fp) }
func (r evalResult) recall() float64    { return ratio(r.tp, r.tp+r.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// evaluate triages every labelled finding with the model and scores the
// verdicts, printing one line per finding to w.
func evaluate(t *testing.T, client *Client, cfg Config, labels []labelled, w io.Writer) evalResult {
	t.Helper()
	cases, missing := resolveLabels(t, labels)
	res := evalResult{missing: len(missing)}
	// Triage per scan, so each finding is sliced from its own model.
	groups := map[string][]int{}
	var order []string
	for i, c := range cases {
		if _, ok := groups[c.Scan]; !ok {
			order = append(order, c.Scan)
		}
		groups[c.Scan] = append(groups[c.Scan], i)
	}
	for _, s := range order {
		prog, _ := scanOnce(t, s)
		var fs []analyzers.Finding
		for _, i := range groups[s] {
			fs = append(fs, cases[i].finding)
		}
		out := NewTriager(client, cfg).Triage(context.Background(), prog, fs, analyzers.Lookup)
		for _, d := range out.Diagnostics {
			fmt.Fprintf(w, "  diagnostic: %s\n", d.Message)
		}
		for k, i := range groups[s] {
			c := cases[i]
			tr := fs[k].Triage
			got := "no verdict"
			switch {
			case tr == nil:
				res.failed++
			case tr.Verdict == analyzers.Uncertain:
				res.uncertain++
				if c.Label == analyzers.TruePositive {
					res.fn++
				} else {
					res.tn++
				}
			case tr.Verdict == analyzers.TruePositive:
				if c.Label == analyzers.TruePositive {
					res.tp++
				} else {
					res.fp++
				}
			case tr.Verdict == analyzers.FalsePositive:
				if c.Label == analyzers.TruePositive {
					res.fn++
				} else {
					res.tn++
					res.labelledFPsFlagged++
				}
			}
			mark := " "
			if tr != nil {
				got = fmt.Sprintf("%s %.2f", tr.Verdict, tr.Confidence)
				if tr.Verdict == c.Label {
					mark = "✓"
				} else {
					mark = "✗"
				}
			}
			fmt.Fprintf(w, "%s %-24s %-44s %-15s → %s\n", mark, c.Detector, fmt.Sprintf("%s:%d", shortPath(c.Scan, c.File), c.Line), c.Label, got)
		}
	}
	return res
}

// shortPath names a labelled file for the table: the fixture directory
// or npm package, then the file.
func shortPath(scan, file string) string {
	p := strings.TrimPrefix(scan, "testdata/corpus/node_modules/")
	p = strings.TrimPrefix(p, "testdata/detectors/")
	if parts := strings.Split(p, "/"); strings.HasPrefix(p, "@") && len(parts) >= 2 {
		p = parts[0] + "/" + parts[1]
	}
	return p + "/" + file
}

func (r evalResult) report(w io.Writer, model string) {
	judged := r.tp + r.fp + r.tn + r.fn
	fmt.Fprintf(w, "\nmodel %s: %d labelled findings judged (%d uncertain), %d without a verdict, %d no longer reported\n",
		model, judged, r.uncertain, r.failed, r.missing)
	fmt.Fprintf(w, "precision %.2f (%d of %d true-positive verdicts are real bugs)\n", r.precision(), r.tp, r.tp+r.fp)
	fmt.Fprintf(w, "recall    %.2f (%d of %d real bugs called true positives)\n", r.recall(), r.tp, r.tp+r.fn)
	fmt.Fprintf(w, "false positives recognised: %d of %d\n", r.labelledFPsFlagged, r.fp+r.tn)
}

// TestTriageEval is `make triage-eval MODEL=…`: it needs a real Ollama
// (OLLAMA_HOST, else SLEUTH_OLLAMA_HOST, else the default address) and
// SLEUTH_EVAL_MODEL.
func TestTriageEval(t *testing.T) {
	model := os.Getenv("SLEUTH_EVAL_MODEL")
	if model == "" {
		t.Skip("SLEUTH_EVAL_MODEL not set: run `make triage-eval MODEL=…`")
	}
	// OLLAMA_HOST (what `make triage-eval OLLAMA_HOST=…` sets) wins over
	// SLEUTH_OLLAMA_HOST (what .ci/run exports), as it does in sleuth.
	base, err := ResolveHost(os.Getenv("SLEUTH_OLLAMA_HOST"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model %s at %s", model, base)
	cfg := Config{Model: model, Timeout: 10 * time.Minute}
	if os.Getenv("SLEUTH_EVAL_CACHE") != "" {
		cfg.Cache = OpenCache(filepath.Join("..", "bin"))
	}
	res := evaluate(t, NewClient(base, nil), cfg, loadLabels(t), os.Stdout)
	res.report(os.Stdout, model)
	if res.failed > 0 {
		t.Errorf("%d labelled findings got no verdict", res.failed)
	}
}

// TestTriageEvalHarness runs the evaluation end to end against the fake
// server with a model that calls everything a true positive: recall 1,
// precision the share of real bugs.
func TestTriageEvalHarness(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "testdata", "corpus", "node_modules")); err != nil && os.Getenv("SLEUTH_REQUIRE_CORPUS") == "" {
		t.Skip("corpus not installed (make corpus)")
	}
	s := ollamatest.New(func(*api.ChatRequest) string { return ollamatest.Verdict("true-positive", 1, "yes") }, qwen)
	defer s.Close()
	u, _ := url.Parse(s.URL)
	labels := loadLabels(t)
	var b strings.Builder
	res := evaluate(t, NewClient(u, nil), Config{Model: qwen.Name}, labels, &b)
	res.report(&b, qwen.Name)
	real := 0
	for _, l := range labels {
		if l.Label == analyzers.TruePositive {
			real++
		}
	}
	if res.failed != 0 || res.recall() != 1 || res.tp+res.fp != len(labels)-res.missing {
		t.Errorf("%+v\n%s", res, b.String())
	}
	if !strings.Contains(b.String(), "precision ") || !strings.Contains(b.String(), "recall    1.00") {
		t.Errorf("report:\n%s", b.String())
	}
	t.Logf("\n%s", b.String())
}
