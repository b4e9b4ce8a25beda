package report

import (
	"strings"
)

// Markdown text helpers. Anything from the scanned code or the LLM goes
// through one of these before it reaches a Markdown report.

// markdownSafe replaces control and bidirectional-override characters
// with visible stand-ins, keeping tabs and newlines.
func markdownSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\t', '\n':
			b.WriteRune(r)
		case '\r':
		default:
			v, _ := visibleRune(r)
			b.WriteString(v)
		}
	}
	return b.String()
}

// mdEscape makes text render as itself: Markdown's inline syntax and HTML
// are backslash-escaped, and so are line starts that would open a
// heading, a list, a quote or a rule.
func mdEscape(s string) string {
	lines := strings.Split(markdownSafe(s), "\n")
	for i, l := range lines {
		lines[i] = escapeLine(l)
	}
	return strings.Join(lines, "\n")
}

func escapeLine(line string) string {
	var b strings.Builder
	body := strings.TrimLeft(line, " \t")
	b.WriteString(line[:len(line)-len(body)])
	if body != "" && strings.ContainsRune("#-+=", rune(body[0])) {
		b.WriteByte('\\')
	} else if j := strings.IndexFunc(body, func(c rune) bool { return c < '0' || c > '9' }); j > 0 && (body[j] == '.' || body[j] == ')') {
		// "1. " and "1) " open ordered lists.
		b.WriteString(body[:j] + `\`)
		body = body[j:]
	}
	for _, r := range body {
		if strings.ContainsRune("\\`*_[]<>|~&!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdParagraphs escapes multi-line text (a message, an LLM rationale),
// keeping its line structure.
func mdParagraphs(s string) string { return mdEscape(strings.TrimSpace(s)) }

// mdCell fits inline Markdown into a table cell: one line, and every pipe
// escaped — GFM splits cells on a pipe even inside a code span.
func mdCell(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte(' ')
		case r == '|' && prev != '\\':
			b.WriteString(`\|`)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// fence wraps text in a code fence longer than any run of backticks in
// it, so quoted code cannot close the fence early.
func fence(lang, text string) string {
	n := max(3, longestRun(text, '`')+1)
	f := strings.Repeat("`", n)
	return f + lang + "\n" + text + "\n" + f + "\n"
}

// codeSpan quotes s as inline code, with a delimiter longer than any run
// of backticks inside and padding when s starts or ends with one.
func codeSpan(s string) string {
	s = strings.ReplaceAll(markdownSafe(s), "\n", " ")
	if s == "" {
		return ""
	}
	d := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return d + " " + s + " " + d
	}
	return d + s + d
}

func longestRun(s string, c rune) int {
	best, n := 0, 0
	for _, r := range s {
		if r == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// titleCase upper-cases the first letter: "high" → "High".
func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
