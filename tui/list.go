package tui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// SortKey is what the findings list is sorted and grouped by.
type SortKey int

const (
	BySeverity SortKey = iota
	ByDetector
	ByFile
	numSortKeys
)

func (k SortKey) String() string {
	switch k {
	case ByDetector:
		return "detector"
	case ByFile:
		return "file"
	}
	return "severity"
}

// row is one line of the list: a group heading (finding < 0, with the
// number of findings under it) or a finding, by index into the model's
// findings.
type row struct {
	group   string
	count   int
	finding int
}

// query is what narrows the list: text matched case-insensitively against
// every field a user would search by, a minimum severity, and whether
// findings a person marked false positive are shown.
type query struct {
	text      string
	minSev    analyzers.Severity // "" shows all
	hideFP    bool
	sortKey   SortKey
	haystacks []string // lower-cased search text per finding, built once
}

// haystack is the text a filter matches against: cheap to test with
// strings.Contains, so filtering thousands of findings per keystroke
// stays well under a frame.
func haystack(f analyzers.Finding) string {
	var b strings.Builder
	for _, s := range []string{f.ID, f.Detector, f.Title, f.Message, string(f.Severity), string(f.Category),
		f.Location.File, f.Location.Contract, f.Location.Function, f.SWC} {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	b.WriteString(f.Location.File + ":" + strconv.Itoa(f.Location.StartLine))
	if f.Review != nil {
		b.WriteString("\n" + string(f.Review.Status) + "\n" + f.Review.Note)
	}
	if f.Triage != nil {
		b.WriteString("\n" + string(f.Triage.Verdict))
	}
	return strings.ToLower(b.String())
}

// matches reports whether finding i passes the query.
func (q *query) matches(fs []analyzers.Finding, i int) bool {
	f := fs[i]
	if q.minSev != "" && !f.Severity.AtLeast(q.minSev) {
		return false
	}
	if q.hideFP && f.Review != nil && f.Review.Status == analyzers.ReviewFalsePositive {
		return false
	}
	if q.text == "" {
		return true
	}
	// Every word must appear: "reentrancy bank" narrows, as users expect
	// from a search box.
	for _, w := range strings.Fields(strings.ToLower(q.text)) {
		if !strings.Contains(q.haystacks[i], w) {
			return false
		}
	}
	return true
}

// buildRows filters, sorts and groups the findings into list rows.
func buildRows(fs []analyzers.Finding, q *query) []row {
	idx := make([]int, 0, len(fs))
	for i := range fs {
		if q.matches(fs, i) {
			idx = append(idx, i)
		}
	}
	byLocation := func(a, b analyzers.Finding) int {
		return cmp.Or(cmp.Compare(a.Location.File, b.Location.File),
			cmp.Compare(a.Location.StartLine, b.Location.StartLine),
			cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
			cmp.Compare(a.Detector, b.Detector),
			cmp.Compare(a.ID, b.ID))
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := fs[i], fs[j]
		switch q.sortKey {
		case ByDetector:
			return cmp.Or(cmp.Compare(a.Detector, b.Detector), byLocation(a, b))
		case ByFile:
			return cmp.Or(cmp.Compare(a.Location.File, b.Location.File),
				cmp.Compare(b.Severity.Rank(), a.Severity.Rank()), byLocation(a, b))
		}
		return cmp.Or(cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(b.Confidence.Rank(), a.Confidence.Rank()), byLocation(a, b))
	})
	rows := make([]row, 0, len(idx)+16)
	last, head := "\x00", -1
	for _, i := range idx {
		g := groupOf(fs[i], q.sortKey)
		if g != last {
			rows = append(rows, row{group: g, finding: -1})
			last, head = g, len(rows)-1
		}
		rows[head].count++
		rows = append(rows, row{finding: i})
	}
	return rows
}

func groupOf(f analyzers.Finding, k SortKey) string {
	switch k {
	case ByDetector:
		return f.Detector
	case ByFile:
		if f.Location.File == "" {
			return "(project)"
		}
		return f.Location.File
	}
	return strings.ToUpper(string(f.Severity))
}

// nextSeverity cycles the severity filter: all, then each threshold from
// info up to critical.
func nextSeverity(s analyzers.Severity) analyzers.Severity {
	order := []analyzers.Severity{"", analyzers.Low, analyzers.Medium, analyzers.High, analyzers.Critical}
	i := slices.Index(order, s)
	return order[(i+1)%len(order)]
}
