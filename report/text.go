package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// TextOptions tunes the terminal report.
type TextOptions struct {
	// Color turns on ANSI colour. The CLI sets it from --color, NO_COLOR
	// and whether standard output is a terminal; the writer never guesses.
	Color bool
	// Quiet leaves out the summary and every diagnostic but errors: only
	// what needs acting on.
	Quiet bool
	// Verbose shows every diagnostic (by default a file's first few) and
	// the time each stage took.
	Verbose bool
}

// diagnosticsPerFile is how many diagnostics of one file are shown without
// Verbose: a syntax error often cascades, and the first ones matter.
const diagnosticsPerFile = 3

// WriteText writes the terminal report without colour.
func WriteText(w io.Writer, doc Document) error {
	return TextOptions{}.Write(w, doc)
}

// Write writes the terminal report, rustc style: each finding as
// `severity[detector]: message`, its location, a code frame with the span
// underlined, its related locations as notes with frames of their own, and
// a help line; then the diagnostics, framed the same way; then a summary.
// Findings come in file, line, column, detector order.
func (o TextOptions) Write(w io.Writer, doc Document) error {
	p := painter(o.Color)
	bw := bufio.NewWriter(w)
	for _, f := range sortedFindings(doc.Findings) {
		var b strings.Builder
		writeFinding(&b, p, &doc, f)
		bw.WriteString(b.String())
		bw.WriteByte('\n')
	}

	shown := map[string]int{} // diagnostics shown per file
	hidden := map[string]int{}
	var hiddenOrder []string
	for _, d := range sortedDiagnostics(doc.Diagnostics) {
		if o.Quiet && d.Severity != source.Error {
			continue
		}
		if !o.Verbose && d.File != "" && shown[d.File] >= diagnosticsPerFile {
			if hidden[d.File] == 0 {
				hiddenOrder = append(hiddenOrder, d.File)
			}
			hidden[d.File]++
			continue
		}
		shown[d.File]++
		var b strings.Builder
		writeDiagnostic(&b, p, &doc, d)
		bw.WriteString(b.String())
		bw.WriteByte('\n')
	}
	for _, file := range hiddenOrder {
		fmt.Fprintf(bw, "%s %s in %s (--verbose shows them)\n\n", p.paint(bold, "note:"),
			plural(hidden[file], "more diagnostic"), visible(file))
	}

	if !o.Quiet {
		writeSummary(bw, p, doc, o.Verbose)
	}
	return bw.Flush()
}

func writeFinding(b *strings.Builder, p painter, doc *Document, f analyzers.Finding) {
	st := severityStyle(f.Severity)
	fmt.Fprintf(b, "%s%s\n", p.paint(st, fmt.Sprintf("%s[%s]:", severityName(f.Severity), visible(f.Detector))),
		p.paint(bold, " "+visible(f.Message)))

	maxLine := f.Location.EndLine
	for _, r := range f.Related {
		maxLine = max(maxLine, r.Location.EndLine, r.Location.StartLine)
	}
	fr := newFramer(p, max(maxLine, f.Location.StartLine))

	writeLocation(b, fr, doc, f.Location, '^', st)
	for _, r := range f.Related {
		fmt.Fprintf(b, "%s %s\n", p.paint(boldGreen, "note:"), visible(r.Message))
		writeLocation(b, fr, doc, r.Location, '-', boldBlue)
	}
	for _, line := range evidenceLines(f) {
		fr.note(b, line[0], line[1])
	}
	if help := helpLine(doc.Detector(f.Detector), f); help != "" {
		fr.note(b, "help", help)
	}
}

// writeLocation writes the arrow and, when the source is at hand, the
// frame. A location without a file (a finding about the whole project)
// writes nothing.
func writeLocation(b *strings.Builder, fr framer, doc *Document, l analyzers.Location, mark byte, st style) {
	if l.File == "" {
		return
	}
	fr.arrow(b, position(l.File, l.StartLine, l.StartColumn))
	fr.framed(b, doc.File(l.File), region{l.StartLine, l.StartColumn, l.EndLine, l.EndColumn}, mark, st)
}

// evidenceLines is what later stages added, one "= label: text" line each.
func evidenceLines(f analyzers.Finding) [][2]string {
	var out [][2]string
	if s := f.Symbolic; s != nil {
		text := string(s.Status)
		if len(s.Witness) > 0 {
			text += ", witness of " + plural(len(s.Witness), "transaction")
			if s.Replayed {
				text += ", replayed on the EVM"
			}
		}
		out = append(out, [2]string{"symbolic", text})
		for i, tx := range s.Witness {
			out = append(out, [2]string{fmt.Sprintf("tx %d", i+1), witnessLine(tx)})
		}
	}
	if t := f.Triage; t != nil {
		text := fmt.Sprintf("%s (confidence %.2f", t.Verdict, t.Confidence)
		if t.Model != "" {
			text += ", " + t.Model
		}
		text += ")"
		if r := firstLine(t.Rationale); r != "" {
			text += ": " + r
		}
		out = append(out, [2]string{"triage", text})
	}
	if rv := f.Review; rv != nil {
		text := string(rv.Status)
		if n := firstLine(rv.Note); n != "" {
			text += ": " + n
		}
		out = append(out, [2]string{"reviewed", text})
	}
	return out
}

// helpLine is the one-line hint under a finding: the first sentence of the
// detector's recommendation when it ran here, else the finding's title,
// and where the full story is.
func helpLine(a *analyzers.Analyzer, f analyzers.Finding) string {
	hint := f.Title
	if a != nil && a.Recommendation != "" {
		hint = firstSentence(a.Recommendation)
	} else if hint == "" && a != nil {
		hint = a.Title
	}
	if a == nil {
		// Not a detector that ran here: `sleuth explain` may not know it.
		return hint
	}
	more := "sleuth explain " + f.Detector
	if hint == "" {
		return "see `" + more + "`"
	}
	return hint + " (see `" + more + "`)"
}

func writeDiagnostic(b *strings.Builder, p painter, doc *Document, d source.Diagnostic) {
	st := diagnosticStyle(d.Severity)
	fmt.Fprintf(b, "%s%s\n", p.paint(st, string(d.Severity)+":"), p.paint(bold, " "+visible(d.Message)))
	if d.File == "" {
		return
	}
	fr := newFramer(p, d.Line)
	fr.arrow(b, position(d.File, d.Line, d.Column))
	f := doc.File(d.File)
	r := region{d.Line, max(d.Column, 1), d.Line, max(d.Column, 1)}
	if f != nil {
		r.endCol = r.startCol + tokenLength(f.Line(d.Line), r.startCol)
	}
	fr.framed(b, f, r, '^', st)
}

// tokenLength is how many characters to underline for a diagnostic that
// only has a start: the identifier or number starting there, else one.
func tokenLength(line string, col int) int {
	n := 0
	i := 0
	for _, r := range line {
		i++
		if i < col {
			continue
		}
		if r == '_' || r == '$' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			n++
			continue
		}
		break
	}
	return max(n, 1)
}

func diagnosticStyle(s source.Severity) style {
	switch s {
	case source.Error:
		return boldRed
	case source.Warning:
		return boldYell
	}
	return boldBlue
}

// writeSummary writes the closing lines: findings by severity, what was
// hidden, diagnostics by severity, then what was scanned and how long it
// took.
func writeSummary(w io.Writer, p painter, doc Document, verbose bool) {
	counts := countBySeverity(doc.Findings)
	line := plural(len(doc.Findings), "finding")
	var parts []string
	for _, s := range analyzers.Severities {
		if n := counts[s]; n > 0 {
			parts = append(parts, p.paint(severityStyle(s), fmt.Sprintf("%d %s", n, s)))
		}
	}
	if other := len(doc.Findings) - sum(counts, analyzers.Severities); other > 0 {
		parts = append(parts, fmt.Sprintf("%d of unknown severity", other))
	}
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	if h := hiddenText(doc.Hidden); h != "" {
		line += " (" + h + ")"
	}

	diag := map[source.Severity]int{}
	for _, d := range doc.Diagnostics {
		diag[d.Severity]++
	}
	line += "; " + plural(len(doc.Diagnostics), "diagnostic")
	parts = parts[:0]
	for _, s := range []source.Severity{source.Error, source.Warning, source.Info} {
		if n := diag[s]; n > 0 {
			word := string(s)
			if n > 1 && s != source.Info {
				word += "s"
			}
			parts = append(parts, p.paint(diagnosticStyle(s), fmt.Sprintf("%d %s", n, word)))
		}
	}
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	fmt.Fprintln(w, line)

	scanned := fmt.Sprintf("scanned %s (%s) in %s", plural(doc.Stats.Files, "file"), plural(doc.Stats.Lines, "line"),
		duration(doc.Stats.Duration))
	if verbose && len(doc.Stats.Stages) > 0 {
		var st []string
		for _, s := range doc.Stats.Stages {
			st = append(st, s.Name+" "+duration(s.Duration))
		}
		scanned += " (" + strings.Join(st, ", ") + ")"
	}
	fmt.Fprintln(w, p.paint(dim, scanned))
}

// hiddenText is "3 hidden: 2 in the baseline, 1 below --min-severity",
// or "" when nothing was hidden.
func hiddenText(hs []Hidden) string {
	total := 0
	for _, h := range hs {
		total += h.Count
	}
	if total == 0 {
		return ""
	}
	return fmt.Sprintf("%d hidden: %s", total, hiddenList(hs))
}

// hiddenList is "2 in the baseline, 1 below --min-severity".
func hiddenList(hs []Hidden) string {
	var parts []string
	for _, h := range hs {
		if h.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", h.Count, h.Reason))
		}
	}
	return strings.Join(parts, ", ")
}

func sum(counts map[analyzers.Severity]int, keys []analyzers.Severity) int {
	n := 0
	for _, k := range keys {
		n += counts[k]
	}
	return n
}

// duration renders run times the way people read them: milliseconds up
// to ten seconds, then seconds with one decimal.
func duration(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// severityName is the finding's severity as written, or "finding" when a
// detector left it empty.
func severityName(s analyzers.Severity) string {
	if s == "" {
		return "finding"
	}
	return visible(string(s))
}

// position renders "file:line:col", dropping the parts a location lacks.
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

// firstLine is the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// firstSentence is the first sentence of a Markdown paragraph, for
// one-line hints: up to the first ". " or the end of the first line.
func firstSentence(s string) string {
	l := firstLine(s)
	if i := strings.Index(l, ". "); i >= 0 {
		return l[:i+1]
	}
	return l
}

// witnessLine is one transaction of a witness: who calls what with which
// value. The calldata is shortened here; JSON and SARIF carry it whole.
func witnessLine(tx analyzers.WitnessTx) string {
	call := tx.Function
	if call == "" {
		call = "calldata " + shorten(tx.Calldata, 42)
	}
	if tx.Function != "" && len(tx.Args) > 0 {
		call += " with " + strings.Join(tx.Args, ", ")
	}
	line := fmt.Sprintf("%s -> %s %s", tx.From, tx.To, call)
	if tx.Value != "" && tx.Value != "0" {
		line += ", sending " + tx.Value + " wei"
	}
	return line
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
