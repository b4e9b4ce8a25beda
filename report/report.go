// Package report renders the result of a scan: text for people at a
// terminal, JSON for tools (the contract in docs/json.md), SARIF 2.1.0 for
// code-scanning services and Markdown for audits and pull requests. Every
// writer takes the same Document, so the formats never disagree; baselines
// and the source lookups fingerprints need live here too.
package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Document is everything one scan produced, plus what the writers need to
// show it: the sources to quote and the detectors' documentation.
type Document struct {
	Findings    []analyzers.Finding
	Diagnostics []source.Diagnostic
	Stats       Stats

	// Root is the absolute directory that finding and diagnostic paths are
	// relative to; SARIF names it %SRCROOT%.
	Root string
	// Sources holds the files a report may quote, by root-relative path.
	// A file missing here is read from Root on demand (see Document.File).
	Sources map[string]*source.File
	// Detectors are the analyzers that ran: SARIF rules, help lines and the
	// Markdown report's descriptions come from them. A finding whose
	// detector is not here is still reported, from its own fields.
	Detectors []*analyzers.Analyzer
	// Generated is when the scan ran. Zero leaves dates out, which keeps
	// reports byte-for-byte reproducible.
	Generated time.Time
	// Hidden counts findings left out of Findings and why, in the order
	// the filters ran, so summaries can say what the user is not seeing.
	Hidden []Hidden
	// Failure, when set, says why the analysis could not complete; the
	// report is still written (it holds the diagnostics that explain it).
	Failure string

	// files caches what File read from disk; shared by copies of the
	// Document, which is why it is a pointer.
	files *fileCache
}

// Hidden is a number of findings a filter left out ("in the baseline",
// "below --min-severity").
type Hidden struct {
	Reason string
	Count  int
}

// Stats describes the run itself.
type Stats struct {
	Files    int // files in scope
	Lines    int // their total line count
	Duration time.Duration
	// Stages holds the time each stage took, in the order they ran.
	Stages []Stage
}

// Stage is the time one pipeline stage took ("parse", "analyze", …).
type Stage struct {
	Name     string
	Duration time.Duration
}

type fileCache struct {
	mu    sync.Mutex
	files map[string]*source.File
}

// File returns the source file at a root-relative path: from Sources, or
// read from Root/path. It returns nil when the file cannot be had, and
// never reads outside Root — a report loaded from elsewhere may name any
// path at all.
func (d *Document) File(path string) *source.File {
	if f := d.Sources[path]; f != nil {
		return f
	}
	if d.Root == "" || path == "" || !filepath.IsLocal(filepath.FromSlash(path)) {
		return nil
	}
	if d.files == nil {
		d.files = &fileCache{files: map[string]*source.File{}}
	}
	c := d.files
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.files[path]; ok {
		return f
	}
	var f *source.File
	abs := filepath.Join(d.Root, filepath.FromSlash(path))
	if data, err := os.ReadFile(abs); err == nil {
		f = source.NewFile(path, abs, data)
	}
	c.files[path] = f // remember failures too: one stat per file, not per finding
	return f
}

// Detector returns the documentation of the detector with the given id,
// or nil when it did not run (or is unknown).
func (d *Document) Detector(id string) *analyzers.Analyzer {
	for _, a := range d.Detectors {
		if a != nil && a.ID == id {
			return a
		}
	}
	return nil
}

// sortedFindings returns the findings ordered by file, line, column and
// detector — the order people read a report in — without touching the
// caller's slice.
func sortedFindings(fs []analyzers.Finding) []analyzers.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, compareFindings)
	return out
}

func compareFindings(a, b analyzers.Finding) int {
	if c := strings.Compare(a.Location.File, b.Location.File); c != 0 {
		return c
	}
	if a.Location.StartLine != b.Location.StartLine {
		return a.Location.StartLine - b.Location.StartLine
	}
	if a.Location.StartColumn != b.Location.StartColumn {
		return a.Location.StartColumn - b.Location.StartColumn
	}
	if c := strings.Compare(a.Detector, b.Detector); c != 0 {
		return c
	}
	// Ties (two findings of one detector at one place) fall back to the
	// message and id, so the order never depends on the detectors' order.
	if c := strings.Compare(a.Message, b.Message); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// sortedDiagnostics returns the diagnostics in file, line, column order
// without touching the caller's slice.
func sortedDiagnostics(ds []source.Diagnostic) []source.Diagnostic {
	out := slices.Clone(ds)
	source.SortDiagnostics(out)
	return out
}

// countBySeverity counts findings per severity, most severe first.
func countBySeverity(fs []analyzers.Finding) map[analyzers.Severity]int {
	n := map[analyzers.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	return n
}
