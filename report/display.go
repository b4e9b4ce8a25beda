package report

import (
	"fmt"
	"strings"
	"unicode"
)

// Contract source is untrusted input, and reports quote it. Before any of
// it reaches a terminal or a Markdown file it goes through visible: an
// escape sequence in a string literal must not repaint the auditor's
// terminal, and a bidirectional override (the "Trojan Source" trick) must
// show up as what it is instead of silently reordering the line.

// tabWidth is how many columns a tab takes in a code frame. Expanding to a
// fixed width (as rustc does) rather than to tab stops keeps the caret
// arithmetic independent of where the frame's gutter ends.
const tabWidth = 4

// visibleRune returns how r is shown and how many terminal columns that
// takes.
func visibleRune(r rune) (string, int) {
	switch {
	case r == '\t':
		return strings.Repeat(" ", tabWidth), tabWidth
	case r < 0x20:
		return string(rune(0x2400 + r)), 1 // control pictures: ␀ … ␟, ␛ for ESC
	case r == 0x7f:
		return "\u2421", 1 // ␡
	case r >= 0x80 && r < 0xa0:
		return "\ufffd", 1
	case isBidiControl(r):
		s := fmt.Sprintf("<U+%04X>", r)
		return s, len(s)
	}
	return string(r), runeWidth(r)
}

// visible returns s with every character visibleRune would change
// replaced, for messages and other single-line text.
func visible(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '\t' {
			b.WriteByte(' ')
			continue
		}
		if r == '\n' {
			b.WriteByte(' ')
			continue
		}
		v, _ := visibleRune(r)
		b.WriteString(v)
	}
	return b.String()
}

// isBidiControl reports the invisible characters that change the display
// order of text around them (Unicode's Bidi_Control property).
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// runeWidth is the number of terminal columns r occupies: 0 for combining
// marks, 2 for East Asian wide and fullwidth characters and emoji, 1
// otherwise. It covers the ranges that occur in real contracts (comments
// and string literals in CJK, emoji) without a dependency for the full
// Unicode width tables; a rare miss only shifts a caret.
func runeWidth(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200b || r == 0x200c || r == 0x200d || r == 0xfeff {
		return 0
	}
	for _, w := range wideRanges {
		if r >= w[0] && r <= w[1] {
			return 2
		}
	}
	return 1
}

var wideRanges = [][2]rune{
	{0x1100, 0x115f},   // Hangul Jamo
	{0x2e80, 0x303e},   // CJK radicals, punctuation
	{0x3041, 0x33ff},   // kana, CJK symbols
	{0x3400, 0x4dbf},   // CJK extension A
	{0x4e00, 0x9fff},   // CJK unified ideographs
	{0xa000, 0xa4cf},   // Yi
	{0xac00, 0xd7a3},   // Hangul syllables
	{0xf900, 0xfaff},   // CJK compatibility ideographs
	{0xfe30, 0xfe4f},   // CJK compatibility forms
	{0xff00, 0xff60},   // fullwidth forms
	{0xffe0, 0xffe6},   // fullwidth signs
	{0x1f300, 0x1f64f}, // pictographs, emoticons
	{0x1f900, 0x1f9ff}, // supplemental pictographs
	{0x20000, 0x3fffd}, // CJK extensions B and later
}

// displayLine renders one source line for a frame and maps its character
// columns to display columns: cells[c-1] is where 1-based column c starts,
// and cells[len] is the line's display width, so an exclusive end column
// just past the last character has a position too.
func displayLine(line string) (text string, cells []int) {
	var b strings.Builder
	width := 0
	for _, r := range line {
		cells = append(cells, width)
		v, w := visibleRune(r)
		b.WriteString(v)
		width += w
	}
	cells = append(cells, width)
	return b.String(), cells
}

// cell returns the display column of 1-based character column col, clamped
// to the line: columns past the end sit just after the last character.
func cell(cells []int, col int) int {
	switch {
	case col < 1:
		return 0
	case col > len(cells):
		return cells[len(cells)-1]
	}
	return cells[col-1]
}
