package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// The Markdown report is an audit write-up that pastes into a pull request
// or an audit document: scope, a summary, a findings table, then a section
// per finding, most severe first, numbered per severity (H-01, M-01) as
// audit reports are. Everything that comes from the scanned code or from
// the LLM is escaped or fenced: contract source is untrusted, and a
// comment must not be able to inject links, images or HTML into a report
// someone else reads.

// snippetContext is how many lines around a finding its snippet shows.
const snippetContext = 2

// maxSnippetSpan is the longest span shown whole; longer ones keep their
// first and last lines around a "// …".
const maxSnippetSpan = 12

// WriteMarkdown writes the audit-style Markdown report.
func WriteMarkdown(w io.Writer, doc Document) error {
	bw := bufio.NewWriter(w)
	findings := markdownOrder(doc.Findings)
	labels := findingLabels(findings)

	bw.WriteString("# sleuth report\n\n")
	writeScope(bw, doc)
	writeMarkdownSummary(bw, doc, findings, labels)
	if len(findings) > 0 {
		bw.WriteString("\n## Findings\n")
		for i, f := range findings {
			// Sections end in whatever their last part wrote; trimming
			// them gives exactly one blank line between findings.
			var b strings.Builder
			writeMarkdownFinding(&b, &doc, f, labels[i])
			bw.WriteString("\n" + strings.TrimRight(b.String(), "\n") + "\n")
		}
	}
	writeMarkdownDiagnostics(bw, doc.Diagnostics)
	return bw.Flush()
}

// markdownOrder sorts most severe first, then by location, the order an
// audit report is read in.
func markdownOrder(fs []analyzers.Finding) []analyzers.Finding {
	out := sortedFindings(fs)
	slices.SortStableFunc(out, func(a, b analyzers.Finding) int { return b.Severity.Rank() - a.Severity.Rank() })
	return out
}

// findingLabels numbers findings per severity: C-01, H-01, H-02, M-01, …
func findingLabels(fs []analyzers.Finding) []string {
	n := map[analyzers.Severity]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		n[f.Severity]++
		letter := "F"
		if f.Severity.Rank() > 0 {
			letter = strings.ToUpper(string(f.Severity)[:1])
		}
		out[i] = fmt.Sprintf("%s-%02d", letter, n[f.Severity])
	}
	return out
}

func writeScope(w *bufio.Writer, doc Document) {
	w.WriteString("## Scope\n\n")
	if doc.Root != "" {
		fmt.Fprintf(w, "- **Root:** %s\n", codeSpan(doc.Root))
	}
	fmt.Fprintf(w, "- **Files:** %s, %s\n", plural(doc.Stats.Files, "Solidity file"), plural(doc.Stats.Lines, "line"))
	if !doc.Generated.IsZero() {
		fmt.Fprintf(w, "- **Date:** %s\n", doc.Generated.UTC().Format("2006-01-02"))
	}
	tool := "sleuth " + version.Version
	if len(doc.Detectors) > 0 {
		tool += ", " + plural(len(doc.Detectors), "detector")
	}
	fmt.Fprintf(w, "- **Tool:** %s\n", tool)
	if h := hiddenList(doc.Hidden); h != "" {
		fmt.Fprintf(w, "- **Not shown:** %s\n", mdEscape(h))
	}
	if doc.Failure != "" {
		fmt.Fprintf(w, "- **Incomplete:** %s\n", mdEscape(doc.Failure))
	}
}

func writeMarkdownSummary(w *bufio.Writer, doc Document, findings []analyzers.Finding, labels []string) {
	w.WriteString("\n## Summary\n\n")
	if len(findings) == 0 {
		w.WriteString("No findings.\n")
	} else {
		counts := countBySeverity(findings)
		w.WriteString("| Severity | Findings |\n| --- | ---: |\n")
		for _, s := range analyzers.Severities {
			fmt.Fprintf(w, "| %s | %d |\n", titleCase(string(s)), counts[s])
		}
		if other := len(findings) - sum(counts, analyzers.Severities); other > 0 {
			fmt.Fprintf(w, "| Unknown | %d |\n", other)
		}
		fmt.Fprintf(w, "| **Total** | **%d** |\n\n", len(findings))

		w.WriteString("| # | ID | Severity | Detector | Location | Title |\n| --- | --- | --- | --- | --- | --- |\n")
		for i, f := range findings {
			fmt.Fprintf(w, "| [%s](#%s) | %s | %s | %s | %s | %s |\n", labels[i], strings.ToLower(labels[i]),
				mdCell(codeSpan(shortID(f.ID))), severityTitle(f.Severity), mdCell(codeSpan(f.Detector)),
				mdCell(codeSpan(position(f.Location.File, f.Location.StartLine, 0))), mdCell(mdEscape(f.Title)))
		}
	}
	if n := len(doc.Diagnostics); n > 0 {
		verb := "were"
		if n == 1 {
			verb = "was"
		}
		fmt.Fprintf(w, "\n%s %s reported (see [Diagnostics](#diagnostics)): problems with the input, such as syntax errors, rather than findings.\n",
			plural(n, "diagnostic"), verb)
	}
}

func writeMarkdownFinding(w *strings.Builder, doc *Document, f analyzers.Finding, label string) {
	a := doc.Detector(f.Detector)
	title := f.Title
	if title == "" && a != nil {
		title = a.Title
	}
	if title == "" {
		title = f.Detector
	}
	fmt.Fprintf(w, "<a id=\"%s\"></a>\n\n### %s: [%s] %s\n\n", strings.ToLower(label), label, severityTitle(f.Severity), mdEscape(title))

	meta := []string{
		"**Severity:** " + severityTitle(f.Severity),
		"**Confidence:** " + mdEscape(orDash(string(f.Confidence))),
		"**Detector:** " + codeSpan(f.Detector),
	}
	if f.Category != "" {
		meta = append(meta, "**Category:** "+mdEscape(string(f.Category)))
	}
	if c := classification(&analyzers.Analyzer{SWC: f.SWC, CWE: f.CWE}); c != "" {
		meta = append(meta, mdEscape(c))
	}
	lines := []string{strings.Join(meta, " · ")}
	if f.Location.File != "" {
		loc := "**Location:** " + codeSpan(position(f.Location.File, f.Location.StartLine, f.Location.StartColumn))
		if fq := qualifiedName(f.Location); fq != "" {
			loc += " in " + codeSpan(fq)
		}
		lines = append(lines, loc)
	}
	if f.ID != "" {
		lines = append(lines, "**ID:** "+codeSpan(f.ID))
	}
	// Two trailing spaces: a hard line break, so the lines stay lines.
	w.WriteString(strings.Join(lines, "  \n") + "\n\n")

	if f.Message != "" {
		w.WriteString(mdParagraphs(f.Message) + "\n\n")
	}
	if code := snippet(doc.File(f.Location.File), f.Location); code != "" {
		w.WriteString(code + "\n")
	}
	if len(f.Related) > 0 {
		w.WriteString("**Related:**\n\n")
		for _, r := range f.Related {
			item := "- " + codeSpan(position(r.Location.File, r.Location.StartLine, r.Location.StartColumn))
			if r.Message != "" {
				item += ": " + mdEscape(r.Message)
			}
			if code := oneLine(doc.File(r.Location.File), r.Location); code != "" {
				item += " — " + codeSpan(code)
			}
			w.WriteString(item + "\n")
		}
		w.WriteString("\n")
	}
	if a != nil {
		if body := detectorBody(a, 4); body != "" {
			w.WriteString(body + "\n")
		}
	}
	if s := f.Symbolic; s != nil {
		writeSymbolic(w, s)
	}
	if t := f.Triage; t != nil {
		writeTriage(w, t)
	}
	if rv := f.Review; rv != nil {
		writeReview(w, rv)
	}
}

// writeReview shows a person's triage from .sleuth/triage.json.
func writeReview(w *strings.Builder, rv *analyzers.Review) {
	fmt.Fprintf(w, "#### Review\n\n**Status:** %s", mdEscape(string(rv.Status)))
	if !rv.Time.IsZero() {
		fmt.Fprintf(w, " · %s", rv.Time.UTC().Format("2006-01-02"))
	}
	w.WriteString("\n\n")
	if rv.Note != "" {
		w.WriteString(mdParagraphs(rv.Note) + "\n\n")
	}
}

func writeSymbolic(w *strings.Builder, s *analyzers.Symbolic) {
	w.WriteString("#### Symbolic execution\n\n")
	status := "**" + titleCase(mdEscape(string(s.Status))) + "**"
	switch {
	case len(s.Witness) > 0 && s.Replayed:
		status += ": the transactions below were replayed on go-ethereum's EVM and showed the effect."
	case len(s.Witness) > 0:
		status += ": the transactions below trigger it (not replayed)."
	case s.Status == analyzers.Unknown:
		status += ": the symbolic engine found no witness within its bounds; that proves nothing either way."
	case s.Status == analyzers.Refuted:
		status += ": the symbolic engine showed the dangerous path cannot be taken."
	default:
		status += "."
	}
	w.WriteString(status + "\n\n")
	if len(s.Witness) == 0 {
		return
	}
	w.WriteString("| # | From | To | Value (wei) | Function | Arguments | Calldata |\n| ---: | --- | --- | ---: | --- | --- | --- |\n")
	for i, tx := range s.Witness {
		fn := "—"
		if tx.Function != "" {
			fn = codeSpan(tx.Function)
		}
		args := "—"
		if len(tx.Args) > 0 {
			args = codeSpan(strings.Join(tx.Args, ", "))
		}
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s |\n", i+1, mdCell(codeSpan(tx.From)), mdCell(codeSpan(tx.To)),
			mdCell(mdEscape(tx.Value)), mdCell(fn), mdCell(args), mdCell(codeSpan(tx.Calldata)))
	}
	w.WriteString("\n")
}

// writeTriage shows the LLM's verdict. Its text is model output shaped by
// untrusted source, so it is escaped like a message; the fix goes in a
// fence, where nothing renders.
func writeTriage(w *strings.Builder, t *analyzers.Triage) {
	heading := "#### Triage"
	if t.Model != "" {
		heading += " (model " + codeSpan(t.Model) + ")"
	}
	fmt.Fprintf(w, "%s\n\n**Verdict:** %s · **Confidence:** %.2f\n\n", heading, mdEscape(string(t.Verdict)), t.Confidence)
	if t.Rationale != "" {
		w.WriteString(mdParagraphs(t.Rationale) + "\n\n")
	}
	if t.Exploit != "" {
		w.WriteString("**Exploit:** " + mdParagraphs(t.Exploit) + "\n\n")
	}
	if t.Fix != "" {
		w.WriteString("**Fix:**\n\n" + fence("", strings.TrimRight(t.Fix, "\n")) + "\n")
	}
}

func writeMarkdownDiagnostics(w *bufio.Writer, ds []source.Diagnostic) {
	if len(ds) == 0 {
		return
	}
	w.WriteString("\n## Diagnostics\n\n| Location | Severity | Message |\n| --- | --- | --- |\n")
	for _, d := range sortedDiagnostics(ds) {
		loc := "—"
		if d.File != "" {
			loc = mdCell(codeSpan(position(d.File, d.Line, d.Column)))
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", loc, d.Severity, mdCell(mdEscape(d.Message)))
	}
}

// snippet is the fenced Solidity around a location: a comment naming the
// file and lines, the lines themselves with a few of context, and the
// flagged line marked with a trailing comment, which keeps the snippet
// valid Solidity for highlighters.
func snippet(f *source.File, l analyzers.Location) string {
	r, ok := region{l.StartLine, l.StartColumn, l.EndLine, l.EndColumn}.clip(fileOrEmpty(f))
	if f == nil || !ok {
		return ""
	}
	from := max(1, r.startLine-snippetContext)
	to := min(f.LineCount(), r.endLine+snippetContext)
	var lines []string
	lines = append(lines, fmt.Sprintf("// %s", lineRange(l.File, from, to)))
	for n := from; n <= to; n++ {
		if r.endLine-r.startLine+1 > maxSnippetSpan && n == r.startLine+maxSnippetSpan/2 {
			lines = append(lines, indentOf(f.Line(n))+"// …")
			n = r.endLine - 3
			continue
		}
		line := strings.TrimRight(markdownSafe(f.Line(n)), " \t")
		if n == r.startLine {
			mark := "// <- flagged"
			if r.endLine > r.startLine {
				mark += fmt.Sprintf(" (through line %d)", r.endLine)
			}
			if line != "" {
				line += "  "
			}
			line += mark
		}
		lines = append(lines, line)
	}
	return fence("solidity", strings.Join(lines, "\n"))
}

// oneLine is the trimmed source of a single-line location, for inline
// quotes; "" for a multi-line one or when the source is not at hand.
func oneLine(f *source.File, l analyzers.Location) string {
	if f == nil || l.StartLine < 1 || l.StartLine > f.LineCount() || (l.EndLine != 0 && l.EndLine != l.StartLine) {
		return ""
	}
	runes := []rune(f.Line(l.StartLine))
	from := min(max(l.StartColumn-1, 0), len(runes))
	to := len(runes)
	if l.EndColumn > l.StartColumn {
		to = min(l.EndColumn-1, len(runes))
	}
	return strings.TrimSpace(markdownSafe(string(runes[from:to])))
}

func fileOrEmpty(f *source.File) *source.File {
	if f == nil {
		return source.NewFile("", "", nil)
	}
	return f
}

func lineRange(file string, from, to int) string {
	if from == to {
		return fmt.Sprintf("%s:%d", file, from)
	}
	return fmt.Sprintf("%s:%d-%d", file, from, to)
}

func indentOf(line string) string {
	return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}

func severityTitle(s analyzers.Severity) string {
	if s == "" {
		return "Unknown"
	}
	return titleCase(mdEscape(string(s)))
}

// shortID is the first 8 hex digits of an id, enough to tell findings
// apart in a table; the full id is in the finding's section.
func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// qualifiedName is "Contract.function(args)", or whichever part exists.
func qualifiedName(l analyzers.Location) string {
	switch {
	case l.Contract != "" && l.Function != "":
		return l.Contract + "." + l.Function
	case l.Function != "":
		return l.Function
	}
	return l.Contract
}
