package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the plain terminal report: one line per finding and per
// diagnostic, in the file:line:col form editors and terminals link, then a
// one-line summary. It never writes colour (so NO_COLOR holds trivially);
// code frames come with the rustc-style renderer.
func WriteText(w io.Writer, doc Document) error {
	bw := bufio.NewWriter(w)
	for _, f := range sortedFindings(doc.Findings) {
		l := f.Location
		fmt.Fprintf(bw, "%s: %s: %s [%s]\n", position(l.File, l.StartLine, l.StartColumn), f.Severity, f.Message, f.Detector)
	}
	for _, d := range doc.Diagnostics {
		fmt.Fprintf(bw, "%s: %s: %s\n", position(d.File, d.Line, d.Column), d.Severity, d.Message)
	}
	fmt.Fprintf(bw, "scanned %s (%s) in %d ms: %s, %s\n",
		plural(doc.Stats.Files, "file"), plural(doc.Stats.Lines, "line"),
		doc.Stats.Duration.Milliseconds(),
		plural(len(doc.Findings), "finding"), plural(len(doc.Diagnostics), "diagnostic"))
	return bw.Flush()
}

// position renders "file:line:col", dropping the parts a diagnostic lacks
// (a run-level diagnostic has no file at all).
func position(file string, line, col int) string {
	parts := []string{file}
	if file == "" {
		parts[0] = "sleuth"
	}
	if line > 0 {
		parts = append(parts, fmt.Sprint(line))
		if col > 0 {
			parts = append(parts, fmt.Sprint(col))
		}
	}
	return strings.Join(parts, ":")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
