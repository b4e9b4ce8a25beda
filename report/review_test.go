package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
)

func TestReviewsLoadMissingIsEmpty(t *testing.T) {
	r, err := LoadReviews(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entries) != 0 {
		t.Errorf("entries = %v, want none", r.Entries)
	}
}

func TestReviewsSaveLoadRoundTrip(t *testing.T) {
	root := t.TempDir()
	r, err := LoadReviews(root)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 4, 9, 12, 30, 999, time.FixedZone("CEST", 7200))
	if _, err := r.Set("abc", analyzers.ReviewFalsePositive, "  only the owner  ", now); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Set("def", analyzers.ReviewConfirmed, "", now); err != nil {
		t.Fatal(err)
	}
	if err := r.Save(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, ".sleuth", "triage.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "schemaVersion": 1,
  "reviews": {
    "abc": {
      "status": "false-positive",
      "note": "only the owner",
      "time": "2026-05-04T07:12:30Z"
    },
    "def": {
      "status": "confirmed",
      "time": "2026-05-04T07:12:30Z"
    }
  }
}
`
	if string(data) != want {
		t.Errorf("triage.json =\n%s\nwant\n%s", data, want)
	}
	// No temporary files are left beside it.
	ents, _ := os.ReadDir(filepath.Join(root, ".sleuth"))
	if len(ents) != 1 {
		t.Errorf(".sleuth holds %d entries, want only triage.json", len(ents))
	}

	back, err := LoadReviews(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Entries["abc"]; got.Status != analyzers.ReviewFalsePositive || got.Note != "only the owner" || !got.Time.Equal(now.Truncate(time.Second)) {
		t.Errorf("abc = %+v", got)
	}
	back.Delete("abc")
	if err := back.Save(); err != nil {
		t.Fatal(err)
	}
	again, _ := LoadReviews(root)
	if _, ok := again.Entries["abc"]; ok || len(again.Entries) != 1 {
		t.Errorf("after delete: %v", again.Entries)
	}
}

func TestReviewsRejectBadInput(t *testing.T) {
	r := &Reviews{Path: filepath.Join(t.TempDir(), "t.json"), Entries: map[string]analyzers.Review{}}
	if _, err := r.Set("abc", "maybe", "", time.Now()); err == nil || !strings.Contains(err.Error(), "unknown status") {
		t.Errorf("bad status: err = %v", err)
	}
	if _, err := r.Set("", analyzers.ReviewConfirmed, "", time.Now()); err == nil {
		t.Error("empty id accepted")
	}
	for name, content := range map[string]string{
		"not json":    "{",
		"bad version": `{"schemaVersion": 7, "reviews": {}}`,
		"bad status":  `{"schemaVersion": 1, "reviews": {"x": {"status": "meh", "time": "2026-01-01T00:00:00Z"}}}`,
	} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, ".sleuth"), 0o755)
		os.WriteFile(filepath.Join(root, ".sleuth", "triage.json"), []byte(content), 0o644)
		_, err := LoadReviews(root)
		if err == nil || !strings.Contains(err.Error(), "triage.json") {
			t.Errorf("%s: err = %v, want one naming the file", name, err)
		}
	}
}

// reviewedDoc is the golden document with its first finding reviewed
// false positive and its second confirmed.
func reviewedDoc(t *testing.T, hide bool) (Document, []string) {
	t.Helper()
	doc := goldenDoc(t)
	if len(doc.Findings) < 3 {
		t.Fatal("golden document too small")
	}
	ids := []string{doc.Findings[0].ID, doc.Findings[1].ID}
	r := &Reviews{Entries: map[string]analyzers.Review{
		ids[0]: {Status: analyzers.ReviewFalsePositive, Note: "guarded by onlyOwner upstream", Time: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)},
		ids[1]: {Status: analyzers.ReviewConfirmed, Note: "exploitable", Time: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)},
	}}
	ApplyReviews(&doc, r, hide)
	return doc, ids
}

func TestApplyReviewsFlagAndHide(t *testing.T) {
	n := len(goldenDoc(t).Findings)
	doc, ids := reviewedDoc(t, false)
	if len(doc.Findings) != n {
		t.Fatalf("flag mode dropped findings: %d of %d", len(doc.Findings), n)
	}
	reviewed := 0
	for _, f := range doc.Findings {
		if f.Review != nil {
			reviewed++
		}
	}
	if reviewed != 2 || doc.Findings[0].Review.Status != analyzers.ReviewFalsePositive {
		t.Errorf("reviewed = %d, first = %+v", reviewed, doc.Findings[0].Review)
	}

	hidden, _ := reviewedDoc(t, true)
	if len(hidden.Findings) != n-1 {
		t.Errorf("hide mode: %d findings, want %d", len(hidden.Findings), n-1)
	}
	for _, f := range hidden.Findings {
		if f.ID == ids[0] {
			t.Error("the false positive is still shown")
		}
	}
	if len(hidden.Hidden) == 0 || hidden.Hidden[len(hidden.Hidden)-1].Count != 1 {
		t.Errorf("hidden = %+v, want the false positive counted", hidden.Hidden)
	}
}

func TestWritersShowReview(t *testing.T) {
	doc, _ := reviewedDoc(t, false)

	var text bytes.Buffer
	if err := WriteText(&text, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "= reviewed: false-positive: guarded by onlyOwner upstream") ||
		!strings.Contains(text.String(), "= reviewed: confirmed: exploitable") {
		t.Errorf("text report lacks the reviews:\n%s", text.String())
	}

	var md bytes.Buffer
	if err := WriteMarkdown(&md, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "#### Review\n\n**Status:** false-positive · 2026-05-04\n\nguarded by onlyOwner upstream") {
		t.Errorf("Markdown report lacks the review:\n%s", md.String())
	}

	var js bytes.Buffer
	if err := WriteJSON(&js, doc); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Findings []map[string]json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	withReview := 0
	for _, f := range out.Findings {
		if raw, ok := f["review"]; ok {
			withReview++
			var rv analyzers.Review
			if err := json.Unmarshal(raw, &rv); err != nil || rv.Status == "" {
				t.Errorf("review %s: %v", raw, err)
			}
		}
	}
	if withReview != 2 {
		t.Errorf("%d JSON findings carry a review, want 2 (the others omit the field)", withReview)
	}

}

func TestSARIFReview(t *testing.T) {
	doc, ids := reviewedDoc(t, false)
	log := validateSARIF(t, sarifSchema(t), doc)
	results := log["runs"].([]any)[0].(map[string]any)["results"].([]any)
	var suppressed, withProp int
	for _, r := range results {
		res := r.(map[string]any)
		fp := res["partialFingerprints"].(map[string]any)[FingerprintKey]
		if sups, ok := res["suppressions"].([]any); ok {
			suppressed++
			sup := sups[0].(map[string]any)
			if fp != ids[0] || sup["kind"] != "external" || sup["justification"] != "guarded by onlyOwner upstream" {
				t.Errorf("suppression on %v = %v", fp, sup)
			}
		}
		if props, ok := res["properties"].(map[string]any); ok {
			if rv, ok := props["review"].(map[string]any); ok {
				withProp++
				if fp != ids[1] || rv["status"] != "confirmed" {
					t.Errorf("review property on %v = %v", fp, rv)
				}
			}
		}
	}
	if suppressed != 1 || withProp != 1 {
		t.Errorf("suppressed = %d, review properties = %d; want 1 and 1", suppressed, withProp)
	}
}
