package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/sleuth-sec/sleuth/parser"
)

// segment is a run of one line's text with one syntax class.
type segment struct {
	text  string
	class string // "keyword", "type", "string", "number", "comment", "name" or ""
}

// highlighter classes each file once with the parser's own lexer
// (parser.Classify), so what is highlighted is what sleuth parsed, and
// keeps the result: moving between findings in one file costs nothing.
type highlighter struct {
	cache map[string][][]segment
}

func newHighlighter() *highlighter {
	return &highlighter{cache: map[string][][]segment{}}
}

// lines returns the file's lines as classed segments.
func (h *highlighter) lines(path, content string) [][]segment {
	if ls, ok := h.cache[path]; ok {
		return ls
	}
	var out [][]segment
	cur := []segment{}
	emit := func(text, class string) {
		for i, part := range strings.Split(text, "\n") {
			if i > 0 {
				out = append(out, cur)
				cur = []segment{}
			}
			if part != "" {
				cur = append(cur, segment{text: strings.TrimSuffix(part, "\r"), class: class})
			}
		}
	}
	at := 0
	for _, sp := range parser.Classify(content) {
		emit(content[at:sp.Start], "")
		emit(content[sp.Start:sp.End], className[sp.Class])
		at = sp.End
	}
	emit(content[at:], "")
	out = append(out, cur)
	// A file ending in a newline has no line after it.
	if strings.HasSuffix(content, "\n") && len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	h.cache[path] = out
	return out
}

// className names the classes the styles know.
var className = map[parser.TokenClass]string{
	parser.ClassKeyword: "keyword",
	parser.ClassType:    "type",
	parser.ClassName:    "name",
	parser.ClassString:  "string",
	parser.ClassNumber:  "number",
	parser.ClassComment: "comment",
}

// mark is a span to draw over source: 1-based line and character columns,
// end exclusive, as analyzers.Location has them.
type mark struct {
	startLine, startCol, endLine, endCol int
	primary                              bool
}

// covers reports whether the character at line, col (1-based) is inside m.
func (m mark) covers(line, col int) bool {
	if line < m.startLine || line > m.endLine {
		return false
	}
	if line == m.startLine && col < m.startCol {
		return false
	}
	if line == m.endLine && m.endCol > 0 && col >= m.endCol {
		return false
	}
	return true
}

const tabWidth = 4

// renderLine draws one source line, at most width cells wide: syntax
// colours, with the characters inside marks drawn in the span styles
// (which win over syntax). Tabs expand to spaces.
func renderLine(s *styles, segs []segment, line int, marks []mark, width int) string {
	var b strings.Builder
	col, cells := 1, 0
	var run strings.Builder
	runKey := ""
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if st, ok := s.styleFor(runKey); ok {
			b.WriteString(st.Render(run.String()))
		} else {
			b.WriteString(run.String())
		}
		run.Reset()
	}
	for _, seg := range segs {
		for _, r := range seg.text {
			if cells >= width {
				flush()
				return b.String()
			}
			if k := keyAt(seg.class, line, col, marks); k != runKey {
				flush()
				runKey = k
			}
			if r == '\t' {
				n := min(tabWidth, width-cells)
				run.WriteString(strings.Repeat(" ", n))
				cells += n
			} else {
				run.WriteRune(r)
				cells++
			}
			col++
		}
	}
	flush()
	return b.String()
}

// keyAt names the style of one character: a span mark or its syntax class.
func keyAt(class string, line, col int, marks []mark) string {
	for i := range marks {
		if marks[i].covers(line, col) {
			if marks[i].primary {
				return "primary"
			}
			return "related"
		}
	}
	return class
}

func (s *styles) styleFor(key string) (lipgloss.Style, bool) {
	switch key {
	case "":
		return lipgloss.Style{}, false
	case "primary":
		return s.primarySpan, true
	case "related":
		return s.relatedSpan, true
	}
	if !s.color {
		return lipgloss.Style{}, false
	}
	st, ok := s.syntax[key]
	return st, ok
}
