// Package report renders the result of a scan: text for people, JSON for
// tools (the contract in docs/json.md), and later SARIF and Markdown. Every
// writer takes the same Document, so the formats never disagree.
package report

import (
	"slices"
	"strings"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Document is everything one scan produced.
type Document struct {
	Findings    []analyzers.Finding
	Diagnostics []source.Diagnostic
	Stats       Stats
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

// sortedFindings returns the findings ordered by file, line, column and
// detector — the order people read a report in — without touching the
// caller's slice.
func sortedFindings(fs []analyzers.Finding) []analyzers.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b analyzers.Finding) int {
		if c := strings.Compare(a.Location.File, b.Location.File); c != 0 {
			return c
		}
		if a.Location.StartLine != b.Location.StartLine {
			return a.Location.StartLine - b.Location.StartLine
		}
		if a.Location.StartColumn != b.Location.StartColumn {
			return a.Location.StartColumn - b.Location.StartColumn
		}
		return strings.Compare(a.Detector, b.Detector)
	})
	return out
}
