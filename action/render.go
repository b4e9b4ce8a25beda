package action

import (
	"fmt"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// Markers are HTML comments GitHub does not render: they let a re-run find
// what an earlier run posted, whoever the token belongs to.
const (
	summaryMarker = "<!-- sleuth:summary -->"
	findingPrefix = "<!-- sleuth:finding "
)

func findingMarker(id string) string { return findingPrefix + id + " -->" }

// markedFinding returns the fingerprint a comment body carries, or "".
func markedFinding(body string) string {
	_, rest, ok := strings.Cut(body, findingPrefix)
	if !ok {
		return ""
	}
	id, _, ok := strings.Cut(rest, " -->")
	if !ok {
		return ""
	}
	return id
}

// maxCommentLen is GitHub's limit on a comment body (65536 characters),
// with room left for the truncation note.
const maxCommentLen = 65000

var severityIcon = map[analyzers.Severity]string{
	analyzers.Critical: "🟥", analyzers.High: "🔴", analyzers.Medium: "🟠", analyzers.Low: "🟡", analyzers.Info: "🔵",
}

// fixFor is the fix to show: the model's, specific to this code, when it
// gave one; else the detector's recommendation.
func (in *Input) fixFor(f *analyzers.Finding) string {
	if f.Triage != nil && strings.TrimSpace(f.Triage.Fix) != "" {
		return f.Triage.Fix
	}
	if in.Detector != nil {
		if a := in.Detector(f.Detector); a != nil {
			return a.Recommendation
		}
	}
	return ""
}

// commentBody is one inline review comment: the finding, the fix and the
// model's verdict, with the fingerprint marker that prevents duplicates.
func (in *Input) commentBody(f *analyzers.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s **%s** · `%s` · %s confidence\n\n**%s**", findingMarker(f.ID), severityIcon[f.Severity],
		titleCase(string(f.Severity)), f.Detector, f.Confidence, oneLine(f.Title))
	if f.Message != "" {
		fmt.Fprintf(&b, "\n\n%s", f.Message)
	}
	for _, r := range f.Related {
		fmt.Fprintf(&b, "\n- %s (line %d)", oneLine(r.Message), r.Location.StartLine)
	}
	if fix := in.fixFor(f); fix != "" {
		fmt.Fprintf(&b, "\n\n**Fix:** %s", fix)
	}
	if t := f.Triage; t != nil {
		fmt.Fprintf(&b, "\n\n**LLM verdict:** %s (confidence %.2f", t.Verdict, t.Confidence)
		if t.Model != "" {
			fmt.Fprintf(&b, ", %s", t.Model)
		}
		b.WriteString(")")
		if t.Rationale != "" {
			fmt.Fprintf(&b, " — %s", oneLine(t.Rationale))
		}
		if t.Exploit != "" {
			fmt.Fprintf(&b, "\n\n**Exploit:** %s", t.Exploit)
		}
	}
	if f.Symbolic != nil && f.Symbolic.Status != "" {
		fmt.Fprintf(&b, "\n\n**Symbolic execution:** %s", f.Symbolic.Status)
	}
	return truncate(b.String())
}

// summaryBody is the sticky comment, the job summary and the check run's
// text: counts, then one row per finding with a link to its line.
func (in *Input) summaryBody(env *Env, title string) string {
	var b strings.Builder
	b.WriteString(summaryMarker + "\n")
	fmt.Fprintf(&b, "## sleuth: %s\n\n", title)
	if in.Failure != "" {
		fmt.Fprintf(&b, "> [!WARNING]\n> The analysis could not complete: %s\n\n", oneLine(in.Failure))
	}
	if len(in.Findings) > 0 {
		b.WriteString("| Severity | Finding | Location | LLM verdict |\n| --- | --- | --- | --- |\n")
		const maxRows = 200
		for i := range in.Findings {
			f := &in.Findings[i]
			if i == maxRows || b.Len() > maxCommentLen-2000 {
				fmt.Fprintf(&b, "\n…and %d more; see the check run or the SARIF report.\n", len(in.Findings)-i)
				break
			}
			verdict := "—"
			if f.Triage != nil {
				verdict = fmt.Sprintf("%s (%.2f)", f.Triage.Verdict, f.Triage.Confidence)
			}
			l := f.Location
			fmt.Fprintf(&b, "| %s %s | **%s** %s | [%s:%d](%s) | %s |\n", severityIcon[f.Severity], f.Severity,
				f.Detector, cell(f.Title), cell(l.File), l.StartLine, env.blobURL(l), verdict)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "<sub>sleuth %s · %d files scanned · commit %s</sub>\n", in.Version, in.Files, short(env.SHA))
	return truncate(b.String())
}

// headline is the one-line summary: "3 findings (1 high, 2 low)".
func (in *Input) headline() string {
	if len(in.Findings) == 0 {
		return "no findings"
	}
	counts := map[analyzers.Severity]int{}
	for _, f := range in.Findings {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range analyzers.Severities {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return fmt.Sprintf("%d %s (%s)", len(in.Findings), plural(len(in.Findings), "finding"), strings.Join(parts, ", "))
}

func (e *Env) blobURL(l analyzers.Location) string {
	end := max(l.EndLine, l.StartLine)
	return fmt.Sprintf("%s/%s/%s/blob/%s/%s#L%d-L%d", e.ServerURL, e.Owner, e.Repo, e.SHA, l.File, l.StartLine, end)
}

func truncate(s string) string {
	if len(s) <= maxCommentLen {
		return s
	}
	cut := maxCommentLen
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "\n\n…(truncated)"
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
