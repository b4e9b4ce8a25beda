package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// A code frame is rustc's: a gutter of line numbers, the lines of a span,
// and the span marked under them — carets for the primary location,
// dashes for related ones. A span over several lines is drawn with a bar
// down the left of its lines, from the first character to the last:
//
//	12 |   function f() {
//	   |  ____________^
//	13 | |     x = 1;
//	14 | | }
//	   | |_^
//
// and when it starts at the first character of its line, with a slash:
//
//	12 | / function f() {
//	13 | |     x = 1;
//	14 | | }
//	   | |_^

// maxSpanLines is the longest multi-line span drawn in full; longer ones
// keep their first two and last two lines around a "...".
const maxSpanLines = 6

// region is a span in 1-based lines and character columns, end exclusive.
type region struct {
	startLine, startCol, endLine, endCol int
}

// clip fits r to f: out-of-range ends are pulled in, and an end at column
// 1 of a later line (a span that takes its line's newline) moves back to
// the end of the previous line, so nothing is drawn on a line the span
// does not really touch. ok is false when there is nothing to draw.
func (r region) clip(f *source.File) (region, bool) {
	n := f.LineCount()
	if r.startLine < 1 || r.startLine > n {
		return r, false
	}
	if r.startCol < 1 {
		r.startCol = 1
	}
	if r.endLine < r.startLine || (r.endLine == r.startLine && r.endCol < r.startCol) {
		r.endLine, r.endCol = r.startLine, r.startCol
	}
	if r.endLine > n {
		r.endLine = n
		r.endCol = utf8.RuneCountInString(f.Line(n)) + 1
	}
	if r.endLine > r.startLine && r.endCol <= 1 {
		r.endLine--
		r.endCol = utf8.RuneCountInString(f.Line(r.endLine)) + 1
	}
	return r, true
}

// framer draws frames with a fixed gutter width, so that all the frames
// of one finding line up.
type framer struct {
	p     painter
	width int // digits in the widest line number
}

func newFramer(p painter, maxLine int) framer {
	return framer{p: p, width: max(1, len(fmt.Sprint(maxLine)))}
}

// arrow writes " --> path:line:col" indented to the gutter.
func (fr framer) arrow(b *strings.Builder, where string) {
	fmt.Fprintf(b, "%s%s %s\n", strings.Repeat(" ", fr.width), fr.p.paint(boldBlue, "-->"), visible(where))
}

// bar writes an empty gutter line, " |".
func (fr framer) bar(b *strings.Builder) {
	fmt.Fprintf(b, "%s%s\n", strings.Repeat(" ", fr.width+1), fr.p.paint(boldBlue, "|"))
}

// note writes a gutter-aligned trailer: "   = help: …".
func (fr framer) note(b *strings.Builder, label, text string) {
	fmt.Fprintf(b, "%s%s %s %s\n", strings.Repeat(" ", fr.width+1), fr.p.paint(boldBlue, "="), fr.p.paint(bold, label+":"), visible(text))
}

// line writes one gutter-prefixed line: the number (or blanks) and the
// content after "| ".
func (fr framer) line(b *strings.Builder, n int, content string) {
	num := strings.Repeat(" ", fr.width)
	if n > 0 {
		num = fmt.Sprintf("%*d", fr.width, n)
	}
	b.WriteString(fr.p.paint(boldBlue, num+" |"))
	if content != "" {
		b.WriteByte(' ')
		b.WriteString(content)
	}
	b.WriteByte('\n')
}

// framed writes the frame between empty gutter lines, or nothing at all
// when there is no frame to draw (no source, lines out of range).
func (fr framer) framed(b *strings.Builder, f *source.File, r region, mark byte, st style) {
	var inner strings.Builder
	fr.frame(&inner, f, r, mark, st)
	if inner.Len() == 0 {
		return
	}
	fr.bar(b)
	b.WriteString(inner.String())
	fr.bar(b)
}

// frame writes the lines of r in f, marked with mark ('^' or '-') in
// style st. It writes nothing when r is not in f.
func (fr framer) frame(b *strings.Builder, f *source.File, r region, mark byte, st style) {
	if f == nil {
		return
	}
	r, ok := r.clip(f)
	if !ok {
		return
	}
	if r.startLine == r.endLine {
		fr.single(b, f, r, mark, st)
		return
	}
	fr.multi(b, f, r, mark, st)
}

func (fr framer) single(b *strings.Builder, f *source.File, r region, mark byte, st style) {
	text, cells := displayLine(f.Line(r.startLine))
	from, to := cell(cells, r.startCol), cell(cells, r.endCol)
	fr.line(b, r.startLine, trimRight(text))
	fr.line(b, 0, strings.Repeat(" ", from)+fr.p.paint(st, strings.Repeat(string(mark), max(1, to-from))))
}

func (fr framer) multi(b *strings.Builder, f *source.File, r region, mark byte, st style) {
	bar := func(s string) string { return fr.p.paint(st, s) }

	first, cells := displayLine(f.Line(r.startLine))
	from := cell(cells, r.startCol)
	if r.startCol <= firstNonBlank(f.Line(r.startLine)) {
		fr.line(b, r.startLine, bar("/")+" "+trimRight(first))
	} else {
		fr.line(b, r.startLine, "  "+trimRight(first))
		fr.line(b, 0, " "+bar(strings.Repeat("_", from+1)+string(mark)))
	}

	for n := r.startLine + 1; n <= r.endLine; n++ {
		if r.endLine-r.startLine+1 > maxSpanLines && n == r.startLine+2 {
			b.WriteString(fr.p.paint(boldBlue, "...") + "\n")
			n = r.endLine - 2
			continue
		}
		text, cells := displayLine(f.Line(n))
		fr.line(b, n, trimRight(bar("|")+" "+text))
		if n == r.endLine {
			last := cell(cells, r.endCol-1) // the span's last character
			fr.line(b, 0, bar("|"+strings.Repeat("_", last+1)+string(mark)))
		}
	}
}

// firstNonBlank is the 1-based column of the first character of line that
// is not a space or tab (len+1 for a blank line).
func firstNonBlank(line string) int {
	col := 1
	for _, r := range line {
		if r != ' ' && r != '\t' {
			return col
		}
		col++
	}
	return col
}

func trimRight(s string) string { return strings.TrimRight(s, " \t") }
