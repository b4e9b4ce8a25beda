package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/atomicfile"
)

// ReviewFile is where a project's human triage lives, relative to the scan
// root. It sits beside the LLM cache in .sleuth/ and is meant to be
// committed, so a team shares its decisions.
const ReviewFile = ".sleuth/triage.json"

// ReviewSchemaVersion is the version of the triage file's format.
const ReviewSchemaVersion = 1

// Reviews is the human triage of a project: reviews by finding id. Ids are
// fingerprints that ignore line numbers, so a review survives edits
// elsewhere in the file.
type Reviews struct {
	// Path is the file the reviews were loaded from and are saved to.
	Path    string
	Entries map[string]analyzers.Review
}

// reviewFile is the encoding of the triage file.
type reviewFile struct {
	SchemaVersion int                         `json:"schemaVersion"`
	Reviews       map[string]analyzers.Review `json:"reviews"`
}

// ReviewPath is the triage file of the project scanned at root.
func ReviewPath(root string) string {
	return filepath.Join(root, filepath.FromSlash(ReviewFile))
}

// LoadReviews reads the triage file of the project at root. A missing file
// is no reviews yet, not an error; a malformed one is an error naming the
// file, so a hand edit gone wrong is not silently discarded on next save.
func LoadReviews(root string) (*Reviews, error) {
	r := &Reviews{Path: ReviewPath(root), Entries: map[string]analyzers.Review{}}
	data, err := os.ReadFile(r.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	var f reviewFile
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %v", r.Path, err)
	}
	if f.SchemaVersion != ReviewSchemaVersion {
		return nil, fmt.Errorf("%s: unsupported schemaVersion %d (want %d)", r.Path, f.SchemaVersion, ReviewSchemaVersion)
	}
	for id, rv := range f.Reviews {
		if err := ValidReview(rv); err != nil {
			return nil, fmt.Errorf("%s: review of %s: %v", r.Path, id, err)
		}
		r.Entries[id] = rv
	}
	return r, nil
}

// ValidReview checks a review's status.
func ValidReview(rv analyzers.Review) error {
	switch rv.Status {
	case analyzers.ReviewConfirmed, analyzers.ReviewFalsePositive, analyzers.ReviewNeedsReview:
		return nil
	}
	return fmt.Errorf("unknown status %q (want confirmed, false-positive or needs-review)", rv.Status)
}

// Set records a review of the finding with id, stamped with now.
func (r *Reviews) Set(id string, status analyzers.ReviewStatus, note string, now time.Time) (analyzers.Review, error) {
	rv := analyzers.Review{Status: status, Note: strings.TrimSpace(note), Time: now.UTC().Truncate(time.Second)}
	if id == "" {
		return rv, errors.New("the finding has no id to key its review by")
	}
	if err := ValidReview(rv); err != nil {
		return rv, err
	}
	r.Entries[id] = rv
	return rv, nil
}

// Delete forgets the review of id.
func (r *Reviews) Delete(id string) { delete(r.Entries, id) }

// Save writes the reviews atomically (a temporary file renamed into
// place), so a crash never leaves half a file, creating .sleuth/ as
// needed. Keys are sorted by encoding/json, so the file diffs cleanly.
func (r *Reviews) Save() error {
	data, err := json.MarshalIndent(reviewFile{SchemaVersion: ReviewSchemaVersion, Reviews: r.Entries}, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if err := os.MkdirAll(filepath.Dir(r.Path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(r.Path, data)
}

// ApplyReviews sets each finding's Review from r. With hide, findings
// reviewed as false positives leave doc.Findings and are counted in
// doc.Hidden; otherwise they stay, marked. A review never changes anything
// else about a finding.
func ApplyReviews(doc *Document, r *Reviews, hide bool) {
	if r == nil || len(r.Entries) == 0 {
		return
	}
	fs := slices.Clone(doc.Findings)
	for i := range fs {
		if rv, ok := r.Entries[fs[i].ID]; ok && fs[i].ID != "" {
			rv := rv
			fs[i].Review = &rv
		}
	}
	if hide {
		n := len(fs)
		fs = slices.DeleteFunc(fs, func(f analyzers.Finding) bool {
			return f.Review != nil && f.Review.Status == analyzers.ReviewFalsePositive
		})
		if hidden := n - len(fs); hidden > 0 {
			doc.Hidden = append(doc.Hidden, Hidden{Reason: "reviewed as false positive in " + ReviewFile + " (--reviewed hide)", Count: hidden})
		}
	}
	doc.Findings = fs
}
