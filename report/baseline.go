package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// A baseline is the set of finding ids a project has accepted as known, so
// that a scan shows only what is new. Ids ignore line numbers, so a
// baseline survives edits elsewhere in a file. The file is
//
//	{"schemaVersion": 1, "baseline": ["9f2c…", …]}
//
// and a sleuth JSON report (--format json) works as a baseline too: its
// findings' ids are the set.

// BaselineSchemaVersion is the version of the baseline file format.
const BaselineSchemaVersion = 1

// Baseline is a set of finding ids.
type Baseline map[string]bool

// Contains reports whether the finding with this id is in the baseline.
// Findings without an id are never in one.
func (b Baseline) Contains(id string) bool { return id != "" && b[id] }

// ReadBaseline reads a baseline file or a sleuth JSON report.
func ReadBaseline(r io.Reader) (Baseline, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc struct {
		SchemaVersion *int      `json:"schemaVersion"`
		Baseline      *[]string `json:"baseline"`
		Findings      *[]struct {
			ID string `json:"id"`
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a sleuth baseline or JSON report: %v", err)
	}
	switch {
	case doc.SchemaVersion == nil:
		return nil, errors.New("not a sleuth baseline or JSON report: no schemaVersion")
	case *doc.SchemaVersion != BaselineSchemaVersion:
		return nil, fmt.Errorf("schemaVersion %d is not supported (this sleuth reads %d)", *doc.SchemaVersion, BaselineSchemaVersion)
	}
	b := Baseline{}
	switch {
	case doc.Baseline != nil:
		for _, id := range *doc.Baseline {
			if id != "" {
				b[id] = true
			}
		}
	case doc.Findings != nil:
		for _, f := range *doc.Findings {
			if f.ID != "" {
				b[f.ID] = true
			}
		}
	default:
		return nil, errors.New(`not a sleuth baseline or JSON report: neither "baseline" nor "findings" is present`)
	}
	return b, nil
}

// WriteBaseline writes the ids of findings as a baseline file: sorted,
// without duplicates, one per line, so that a baseline under version
// control diffs cleanly.
func WriteBaseline(w io.Writer, findings []analyzers.Finding) error {
	ids := []string{}
	for _, f := range findings {
		if f.ID != "" {
			ids = append(ids, f.ID)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		SchemaVersion int      `json:"schemaVersion"`
		Baseline      []string `json:"baseline"`
	}{BaselineSchemaVersion, ids})
}
