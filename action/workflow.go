package action

import (
	"fmt"
	"os"
	"strings"
)

// workflowCommands prints one ::error/::warning/::notice command per
// finding: annotations that need no write access, for read-only tokens.
func (p *Publisher) workflowCommands(in *Input) int {
	if p.Stdout == nil {
		return 0
	}
	n := 0
	for i := range in.Findings {
		f := &in.Findings[i]
		l := f.Location
		if l.File == "" {
			continue
		}
		n++
		cmd := map[string]string{"failure": "error", "warning": "warning", "notice": "notice"}[annotationLevel(f.Severity)]
		props := []string{
			"file=" + escapeProperty(l.File),
			fmt.Sprintf("line=%d", max(l.StartLine, 1)),
			fmt.Sprintf("endLine=%d", max(l.EndLine, l.StartLine, 1)),
		}
		if l.StartLine == l.EndLine && l.StartColumn > 0 && l.EndColumn > l.StartColumn {
			props = append(props, fmt.Sprintf("col=%d", l.StartColumn), fmt.Sprintf("endColumn=%d", l.EndColumn-1))
		}
		props = append(props, "title="+escapeProperty(f.Detector+": "+oneLine(f.Title)))
		msg := annotationMessage(f)
		if fix := in.fixFor(f); fix != "" {
			msg += "\nFix: " + fix
		}
		fmt.Fprintf(p.Stdout, "::%s %s::%s\n", cmd, strings.Join(props, ","), p.redact.String(escapeData(msg)))
	}
	return n
}

// escapeData escapes a workflow command's message the way the runner
// unescapes it (actions/toolkit's escapeData).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value; ':' and ',' separate the
// command's parts, so they are escaped too (actions/toolkit's
// escapeProperty).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jobSummary appends the Markdown summary to $GITHUB_STEP_SUMMARY.
func (p *Publisher) jobSummary(in *Input) error {
	f, err := os.OpenFile(p.Env.StepSummary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	_, err = f.WriteString(p.redact.String(in.summaryBody(&p.Env, in.headline())) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	return nil
}
