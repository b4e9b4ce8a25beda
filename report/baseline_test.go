package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
)

func TestBaselineRoundTrip(t *testing.T) {
	fs := []analyzers.Finding{{ID: "b2"}, {ID: "a1"}, {ID: "b2"}, {ID: ""}}
	var b bytes.Buffer
	if err := WriteBaseline(&b, fs); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"schemaVersion\": 1,\n  \"baseline\": [\n    \"a1\",\n    \"b2\"\n  ]\n}\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	base, err := ReadBaseline(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !base.Contains("a1") || !base.Contains("b2") || base.Contains("") || len(base) != 2 {
		t.Errorf("baseline = %v", base)
	}
}

func TestBaselineEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteBaseline(&b, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"baseline": []`) {
		t.Errorf("empty baseline should be [], got %s", b.String())
	}
}

// TestBaselineFromReport: a JSON report is a baseline of its findings.
func TestBaselineFromReport(t *testing.T) {
	doc := goldenDoc(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, doc); err != nil {
		t.Fatal(err)
	}
	base, err := ReadBaseline(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(base) != len(doc.Findings) {
		t.Errorf("%d ids, want %d", len(base), len(doc.Findings))
	}
	for _, f := range doc.Findings {
		if !base.Contains(f.ID) {
			t.Errorf("baseline lacks %s", f.ID)
		}
	}
}

func TestBaselineErrors(t *testing.T) {
	for in, want := range map[string]string{
		``:                                     "not a sleuth baseline",
		`[1,2]`:                                "not a sleuth baseline",
		`{"baseline": ["a"]}`:                  "no schemaVersion",
		`{"schemaVersion": 2, "baseline": []}`: "schemaVersion 2 is not supported",
		`{"schemaVersion": 1}`:                 `neither "baseline" nor "findings"`,
		`{"schemaVersion": 1, "baseline": 3}`:  "not a sleuth baseline",
	} {
		_, err := ReadBaseline(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", in, err, want)
		}
	}
}
