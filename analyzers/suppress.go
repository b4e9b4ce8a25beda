package analyzers

import (
	"slices"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Suppression comments, checked against a finding's primary line:
//
//	// sleuth-disable-next-line reentrancy-eth, tx-origin
//	x.call{value: v}("");
//	y.call{value: v}(""); // sleuth-disable-line reentrancy-eth
//	// sleuth-disable timestamp
//	…                       (no timestamp findings here)
//	// sleuth-enable timestamp
//
// Without ids (or with "all") a directive applies to every detector.
// Block comments work too. A range left open runs to the end of the file.
//
// Slither's directives (slither-disable-next-line, slither-disable-line,
// slither-disable-start … slither-disable-end) are honoured as well:
// sleuth uses Slither's ids, so a finding a team already reviewed and
// silenced for Slither stays silent here.

// suppressions is the table of one file.
type suppressions struct {
	lines  map[int][]string // line → ids ("" means all)
	ranges []lineRange
}

type lineRange struct {
	from, to int // inclusive; to = 0 means to the end of the file
	id       string
}

func parseSuppressions(unit *ast.SourceUnit) *suppressions {
	s := &suppressions{lines: map[int][]string{}}
	open := map[string]int{} // id → line of its sleuth-disable
	for _, c := range unit.Comments {
		// Most comments are documentation; only a directive names a tool.
		if !strings.Contains(c.Text, "sleuth-") && !strings.Contains(c.Text, "slither-") {
			continue
		}
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(c.Text, "//"), "/*"), "*/"))
		directive, rest, _ := strings.Cut(text, " ")
		ids := parseIDs(rest)
		line := c.Src.Start.Line
		if directive == "slither-disable-next-line" {
			// Slither reports a function or a contract as a whole, so its
			// comment above a declaration covers the declaration's body.
			if end := declEndingAt(unit, c.Src.End.Line+1); end > 0 {
				for _, id := range ids {
					s.ranges = append(s.ranges, lineRange{from: c.Src.End.Line + 1, to: end, id: id})
				}
				continue
			}
		}
		if d, ok := slitherDirectives[directive]; ok {
			directive = d
		}
		switch directive {
		case "sleuth-disable-next-line":
			s.lines[c.Src.End.Line+1] = append(s.lines[c.Src.End.Line+1], ids...)
		case "sleuth-disable-line":
			s.lines[line] = append(s.lines[line], ids...)
		case "sleuth-disable":
			for _, id := range ids {
				if _, already := open[id]; !already {
					open[id] = line
				}
			}
		case "sleuth-enable":
			for _, id := range ids {
				if from, ok := open[id]; ok {
					s.ranges = append(s.ranges, lineRange{from: from, to: line, id: id})
					delete(open, id)
				} else if id == "" {
					// `sleuth-enable` without ids closes every open range.
					for k, from := range open {
						s.ranges = append(s.ranges, lineRange{from: from, to: line, id: k})
						delete(open, k)
					}
				}
			}
		}
	}
	for id, from := range open {
		s.ranges = append(s.ranges, lineRange{from: from, id: id})
	}
	return s
}

// declEndingAt returns the last line of the contract, function or
// modifier that starts on line, or 0 when no declaration starts there.
func declEndingAt(unit *ast.SourceUnit, line int) int {
	for _, c := range unit.Contracts {
		if c.Src.Start.Line == line {
			return c.Src.End.Line
		}
		for _, f := range c.Functions {
			if f.Src.Start.Line == line {
				return f.Src.End.Line
			}
		}
		for _, m := range c.Modifiers {
			if m.Src.Start.Line == line {
				return m.Src.End.Line
			}
		}
	}
	return 0
}

// slitherDirectives maps Slither's suppression comments to sleuth's.
var slitherDirectives = map[string]string{
	"slither-disable-next-line": "sleuth-disable-next-line",
	"slither-disable-line":      "sleuth-disable-line",
	"slither-disable-start":     "sleuth-disable",
	"slither-disable-end":       "sleuth-enable",
}

// parseIDs splits "a, b c" into ids; no ids means all detectors ("").
func parseIDs(s string) []string {
	// Anything after " -- " is a reason, not ids.
	if i := strings.Index(s, "--"); i >= 0 {
		s = s[:i]
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(f) == 0 || slices.Contains(f, "all") {
		return []string{""}
	}
	return f
}

func (s *suppressions) covers(line int, id string) bool {
	for _, x := range s.lines[line] {
		if x == "" || x == id {
			return true
		}
	}
	for _, r := range s.ranges {
		if (r.id == "" || r.id == id) && line >= r.from && (r.to == 0 || line <= r.to) {
			return true
		}
	}
	return false
}

// Suppress drops findings silenced by comments in their files and returns
// the rest with the number dropped.
func Suppress(units []*ast.SourceUnit, findings []Finding) (kept []Finding, dropped int) {
	// Tables only for the files that have findings: a scan's comments are
	// mostly NatSpec of files nothing was found in.
	byPath := map[string]*ast.SourceUnit{}
	for _, u := range units {
		if u != nil && u.File != nil {
			byPath[u.File.Path] = u
		}
	}
	tables := map[string]*suppressions{}
	table := func(path string) *suppressions {
		t, ok := tables[path]
		if !ok {
			if u := byPath[path]; u != nil {
				t = parseSuppressions(u)
			}
			tables[path] = t
		}
		return t
	}
	for _, f := range findings {
		if t := table(f.Location.File); t != nil && t.covers(f.Location.StartLine, f.Detector) {
			dropped++
			continue
		}
		kept = append(kept, f)
	}
	return kept, dropped
}
