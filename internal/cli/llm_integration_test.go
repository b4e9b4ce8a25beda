package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sleuth-sec/sleuth/llm"
)

// realOllama returns the address and model of a real Ollama, from
// SLEUTH_OLLAMA_HOST and SLEUTH_OLLAMA_MODEL (.ci/run starts one and sets
// them), or skips; with SLEUTH_REQUIRE_OLLAMA set, their absence fails.
func realOllama(t *testing.T) (host, model string) {
	t.Helper()
	host, model = os.Getenv("SLEUTH_OLLAMA_HOST"), os.Getenv("SLEUTH_OLLAMA_MODEL")
	if host == "" || model == "" {
		if os.Getenv("SLEUTH_REQUIRE_OLLAMA") != "" {
			t.Fatal("SLEUTH_REQUIRE_OLLAMA is set but SLEUTH_OLLAMA_HOST or SLEUTH_OLLAMA_MODEL is not")
		}
		t.Skip("no real Ollama: set SLEUTH_OLLAMA_HOST and SLEUTH_OLLAMA_MODEL (see .ci/run)")
	}
	return host, model
}

// TestIntegrationScanExamplesWithRealOllama is the acceptance test:
// a full scan of examples/ with --llm against a real Ollama serving a real
// model, in which every finding receives a schema-valid verdict. Then a
// rerun comes from the cache, unchanged.
func TestIntegrationScanExamplesWithRealOllama(t *testing.T) {
	host, model := realOllama(t)
	t.Setenv("OLLAMA_HOST", host)
	schema := compileVerdictSchema(t)
	dir := examplesCopy(t)

	start := time.Now()
	code, out, errOut := run(t, "scan", "--llm", "--model", model, "--format", "json", "--fail-on", "none", dir)
	took := time.Since(start)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := decodeLLMReport(t, out)
	for _, d := range r.Diagnostics {
		if strings.HasPrefix(d.Message, "llm:") {
			t.Errorf("diagnostic: %s", d.Message)
		}
	}
	if len(r.Findings) < 10 {
		t.Fatalf("only %d findings in examples/", len(r.Findings))
	}
	for _, f := range r.Findings {
		if err := llm.ValidTriage(f.Triage); err != nil {
			t.Errorf("%s %s:%d: %v", f.Detector, f.Location.File, f.Location.StartLine, err)
			continue
		}
		if f.Triage.Model != model {
			t.Errorf("%s: model %q", f.Detector, f.Triage.Model)
		}
		// The verdict, as the model gave it, follows the schema Ollama
		// was asked to enforce.
		v := map[string]any{"rationale": f.Triage.Rationale, "verdict": string(f.Triage.Verdict),
			"confidence": f.Triage.Confidence, "exploit": f.Triage.Exploit, "fix": f.Triage.Fix}
		if err := schema.Validate(roundTrip(t, v)); err != nil {
			t.Errorf("%s: verdict does not follow the schema: %v", f.Detector, err)
		}
		t.Logf("%-24s %-18s %-14s %.2f  %s", f.Detector, f.Location.File, f.Triage.Verdict, f.Triage.Confidence, firstLine(f.Triage.Rationale, 90))
	}
	t.Logf("%d findings triaged by %s in %v; %s", len(r.Findings), model, took.Round(time.Second), lastLine(errOut))

	start = time.Now()
	_, again, errOut := run(t, "scan", "--llm", "--model", model, "--format", "json", "--fail-on", "none", dir)
	if string(normalise([]byte(again))) != string(normalise([]byte(out))) {
		t.Errorf("the cached rerun differs: %s", errOut)
	}
	if d := time.Since(start); d > 10*time.Second || !strings.Contains(errOut, "from the cache") {
		t.Errorf("rerun took %v: %s", d, errOut)
	}
}

func compileVerdictSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(llm.VerdictSchema())))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("verdict.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("verdict.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func roundTrip(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func firstLine(s string, n int) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > n {
		s = s[:n] + "…"
	}
	return s
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
