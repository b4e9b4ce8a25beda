package tui

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/charmbracelet/lipgloss"
)

// segment is a run of one line's text with one syntax class.
type segment struct {
	text  string
	class string // "keyword", "type", "string", "number", "comment", "name" or ""
}

// highlighter tokenises each file once with chroma's Solidity lexer and
// keeps the result, so moving between findings in one file costs nothing.
type highlighter struct {
	lexer chroma.Lexer
	cache map[string][][]segment
}

func newHighlighter() *highlighter {
	l := lexers.Get("solidity")
	if l == nil {
		l = lexers.Fallback
	}
	return &highlighter{lexer: chroma.Coalesce(l), cache: map[string][][]segment{}}
}

// lines returns the file's lines as classed segments. A file the lexer
// cannot tokenise is shown plain rather than not at all.
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
	it, err := h.lexer.Tokenise(nil, content)
	if err != nil {
		emit(content, "")
	} else {
		for tok := it(); tok != chroma.EOF; tok = it() {
			emit(tok.Value, classOf(tok.Type))
		}
	}
	out = append(out, cur)
	// A file ending in a newline has no line after it.
	if strings.HasSuffix(content, "\n") && len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	h.cache[path] = out
	return out
}

func classOf(t chroma.TokenType) string {
	switch {
	case t == chroma.KeywordType || t == chroma.NameBuiltin:
		return "type"
	case t.InCategory(chroma.Keyword):
		return "keyword"
	case t.InCategory(chroma.Comment):
		return "comment"
	case t.InSubCategory(chroma.LiteralString):
		return "string"
	case t.InSubCategory(chroma.LiteralNumber):
		return "number"
	case t == chroma.NameFunction || t == chroma.NameClass:
		return "name"
	}
	return ""
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
