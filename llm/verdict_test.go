package llm

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sleuth-sec/sleuth/analyzers"
)

func TestParseVerdict(t *testing.T) {
	good := `{"rationale":"Guarded by nonReentrant.","verdict":"false-positive","confidence":0.8,"exploit":"","fix":""}`
	tr, err := ParseVerdict(good, "m")
	if err != nil || tr.Verdict != analyzers.FalsePositive || tr.Confidence != 0.8 || tr.Model != "m" {
		t.Fatalf("%+v, %v", tr, err)
	}
	if _, err := ParseVerdict("```json\n"+good+"\n```", "m"); err != nil {
		t.Errorf("fenced JSON: %v", err)
	}
	for _, edge := range []string{`"confidence":0,`, `"confidence":1,`} {
		if _, err := ParseVerdict(strings.Replace(good, `"confidence":0.8,`, edge, 1), "m"); err != nil {
			t.Errorf("%s: %v", edge, err)
		}
	}
	tr, err = ParseVerdict(`{"rationale":"a\u001b[2J\u202eb `+strings.Repeat("x", 2000)+`","verdict":"uncertain","confidence":0.5,"exploit":"","fix":""}`, "m")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(tr.Rationale, "\x1b\u202e") || utf8.RuneCountInString(tr.Rationale) > maxRationale || !strings.HasSuffix(tr.Rationale, "…") {
		t.Errorf("rationale not cleaned: %q…", tr.Rationale[:20])
	}
	for _, bad := range []string{
		`{"rationale":"x","verdict":"TRUE-POSITIVE","confidence":0.5,"exploit":"","fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":-0.1,"exploit":"","fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":"high","exploit":"","fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":0.5,"fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":0.87,"exploit":"","fix":""}`,
		`[]`, `null`, `{}`,
	} {
		if tr, err := ParseVerdict(bad, "m"); err == nil {
			t.Errorf("accepted %s as %+v", bad, tr)
		}
	}
}

// TestParseVerdictFollowsSchema: what ParseVerdict accepts, cleaned as it
// stores it, is valid against the schema Ollama is given, and what the
// schema rejects ParseVerdict rejects.
func TestParseVerdictFollowsSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(verdictSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("verdict.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("verdict.json")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(v any) error {
		b, _ := json.Marshal(v)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		return schema.Validate(inst)
	}
	answer := func(verdict string, conf any, rationale string) string {
		b, _ := json.Marshal(map[string]any{"rationale": rationale, "verdict": verdict, "confidence": conf, "exploit": "", "fix": ""})
		return string(b)
	}
	var answers []string
	for _, conf := range []any{0, 0.05, 0.1, 0.3, 0.35, 0.7, 0.95, 1, 0.87, 1.5, -0.05, 85, "0.5"} {
		for _, v := range []string{"true-positive", "false-positive", "uncertain", "probably"} {
			answers = append(answers, answer(v, conf, "Guarded by nonReentrant."))
		}
	}
	answers = append(answers, answer("uncertain", 0.5, strings.Repeat("é", 900)), answer("uncertain", 0.5, strings.Repeat("x", 801)))
	for _, a := range answers {
		var raw any
		_ = json.Unmarshal([]byte(a), &raw)
		schemaErr := validate(raw)
		tr, err := ParseVerdict(a, "m")
		if err != nil {
			if schemaErr == nil {
				t.Errorf("ParseVerdict rejects a schema-valid answer %.80s: %v", a, err)
			}
			continue
		}
		stored := map[string]any{"rationale": tr.Rationale, "verdict": string(tr.Verdict), "confidence": tr.Confidence, "exploit": tr.Exploit, "fix": tr.Fix}
		if err := validate(stored); err != nil {
			t.Errorf("ParseVerdict accepted %.80s as a verdict the schema rejects: %v", a, err)
		}
		if schemaErr != nil && !strings.Contains(fmt.Sprint(schemaErr), "maxLength") {
			t.Errorf("ParseVerdict accepts %.80s, which the schema rejects: %v", a, schemaErr)
		}
	}
}
