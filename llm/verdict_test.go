package llm

import (
	"strings"
	"testing"

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
	if strings.ContainsAny(tr.Rationale, "\x1b\u202e") || len(tr.Rationale) > maxRationale+4 {
		t.Errorf("rationale not cleaned: %q…", tr.Rationale[:20])
	}
	for _, bad := range []string{
		`{"rationale":"x","verdict":"TRUE-POSITIVE","confidence":0.5,"exploit":"","fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":-0.1,"exploit":"","fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":"high","exploit":"","fix":""}`,
		`{"rationale":"x","verdict":"true-positive","confidence":0.5,"fix":""}`,
		`[]`, `null`, `{}`,
	} {
		if tr, err := ParseVerdict(bad, "m"); err == nil {
			t.Errorf("accepted %s as %+v", bad, tr)
		}
	}
}
