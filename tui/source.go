package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// centerSource scrolls the source pane so the shown location sits a third
// of the way down.
func (m *Model) centerSource() {
	f, ok := m.Selected()
	if !ok {
		return
	}
	l := m.shownLocation(f)
	m.srcOffset = max(0, l.StartLine-1-(m.sourceHeight()-1)/3)
}

// sourceLines is the source pane: a title naming the location, then the
// file with line numbers, syntax colours and the finding's spans marked —
// '>' in the gutter for the shown location's lines, '*' for the other
// spans, and a caret line under the shown span, which is what a
// monochrome terminal has to go by.
func (m *Model) sourceLines(f analyzers.Finding, h, w int) []string {
	l := m.shownLocation(f)
	title := "── " + locationText(l)
	if m.loc > 0 {
		title += fmt.Sprintf(" (related %d/%d: %s)", m.loc, len(f.Related), f.Related[m.loc-1].Message)
	} else if len(f.Related) > 0 {
		title += fmt.Sprintf(" (primary; tab: %d related)", len(f.Related))
	}
	out := []string{m.st.dim.Render(ansi.Truncate(title, w-1, "…") + " " + strings.Repeat("─", max(0, w-ansi.StringWidth(title)-1)))}
	file := m.opts.Doc.File(l.File)
	if file == nil {
		return pad(append(out, "  (source not available)"), h)
	}
	segs := m.hl.lines(l.File, string(file.Content))

	// Marks on this file: the shown location is primary-styled.
	var marks []mark
	addMark := func(loc analyzers.Location, primary bool) {
		if loc.File == l.File && loc.StartLine > 0 {
			marks = append(marks, mark{loc.StartLine, loc.StartColumn, max(loc.EndLine, loc.StartLine), loc.EndColumn, primary})
		}
	}
	addMark(l, true)
	all := append([]analyzers.Location{f.Location}, relatedLocations(f)...)
	for i, loc := range all {
		if i != m.loc {
			addMark(loc, false)
		}
	}

	gutter := len(strconv.Itoa(len(segs)))
	body := h - 1
	m.srcOffset = max(0, min(m.srcOffset, len(segs)-body))
	for n := m.srcOffset + 1; n <= len(segs) && len(out) < h; n++ {
		sign := " "
		for _, mk := range marks {
			if n >= mk.startLine && n <= mk.endLine {
				if mk.primary {
					sign = ">"
					break
				}
				sign = "*"
			}
		}
		num := fmt.Sprintf("%s%*d │ ", sign, gutter, n)
		if sign != " " {
			num = m.st.markedLineNo.Render(num)
		} else {
			num = m.st.lineNo.Render(num)
		}
		width := max(1, w-gutter-4)
		out = append(out, num+renderLine(&m.st, segs[n-1], n, marks, width))
		if n == l.StartLine && !m.st.color && len(out) < h {
			out = append(out, caretLine(segs[n-1], l, gutter, width))
		}
	}
	return pad(out, h)
}

func relatedLocations(f analyzers.Finding) []analyzers.Location {
	out := make([]analyzers.Location, len(f.Related))
	for i, r := range f.Related {
		out[i] = r.Location
	}
	return out
}

// caretLine underlines the shown span on its first line with '^', as
// compilers do, for terminals without colour.
func caretLine(segs []segment, l analyzers.Location, gutter, width int) string {
	var text strings.Builder
	for _, s := range segs {
		text.WriteString(s.text)
	}
	var b strings.Builder
	col := 1
	end := l.EndColumn
	if l.EndLine > l.StartLine || end <= l.StartColumn {
		end = len([]rune(text.String())) + 1
	}
	for _, r := range text.String() {
		w := 1
		if r == '\t' {
			w = tabWidth
		}
		ch := " "
		if col >= l.StartColumn && col < end {
			ch = "^"
		}
		b.WriteString(strings.Repeat(ch, w))
		col++
	}
	line := strings.TrimRight(b.String(), " ")
	return strings.Repeat(" ", gutter+4) + ansi.Truncate(line, width, "")
}
