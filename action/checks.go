package action

import (
	"context"
	"time"

	"github.com/google/go-github/v62/github"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// maxAnnotations is how many annotations one check-run request may carry;
// more go in further updates, which append to the earlier ones.
const maxAnnotations = 50

const checkName = "sleuth"

// checkRun creates the check run of this commit with one annotation per
// finding, sent 50 at a time.
func (p *Publisher) checkRun(ctx context.Context, in *Input, out *Outcome) error {
	env := &p.Env
	annotations := make([]*github.CheckRunAnnotation, 0, len(in.Findings))
	for i := range in.Findings {
		// An annotation needs a file; a finding without one is still in
		// the summary.
		if in.Findings[i].Location.File != "" {
			annotations = append(annotations, in.annotation(&in.Findings[i]))
		}
	}
	title := in.headline()
	summary := in.summaryBody(env, title)
	output := func(batch []*github.CheckRunAnnotation) *github.CheckRunOutput {
		return &github.CheckRunOutput{Title: github.String("sleuth: " + title), Summary: github.String(summary), Annotations: batch}
	}
	conclusion := "success"
	switch {
	case out.CheckFailing || in.Failure != "":
		conclusion = "failure"
	case len(in.Findings) > 0:
		conclusion = "neutral"
	}
	batches := chunk(annotations, maxAnnotations)
	first := batches[0]
	create := github.CreateCheckRunOptions{Name: checkName, HeadSHA: env.SHA, Output: output(first)}
	if len(batches) == 1 {
		create.Status, create.Conclusion = github.String("completed"), github.String(conclusion)
		create.CompletedAt = &github.Timestamp{Time: time.Now().UTC()}
	} else {
		create.Status = github.String("in_progress")
	}
	run, _, err := p.gh.Checks.CreateCheckRun(ctx, env.Owner, env.Repo, create)
	if err != nil {
		return classify("creating the check run", err)
	}
	out.CheckRunID = run.GetID()
	out.Annotations = len(first)
	for i, batch := range batches[1:] {
		update := github.UpdateCheckRunOptions{Name: checkName, Output: output(batch)}
		if i == len(batches)-2 {
			update.Status, update.Conclusion = github.String("completed"), github.String(conclusion)
			update.CompletedAt = &github.Timestamp{Time: time.Now().UTC()}
		}
		if _, _, err := p.gh.Checks.UpdateCheckRun(ctx, env.Owner, env.Repo, run.GetID(), update); err != nil {
			return classify("adding annotations to the check run", err)
		}
		out.Annotations += len(batch)
	}
	p.logf("created check run %q (%s) with %d %s", checkName, conclusion, out.Annotations, plural(out.Annotations, "annotation"))
	return nil
}

// annotation is a finding as a check-run annotation.
func (in *Input) annotation(f *analyzers.Finding) *github.CheckRunAnnotation {
	l := f.Location
	a := &github.CheckRunAnnotation{
		Path:            github.String(l.File),
		StartLine:       github.Int(max(l.StartLine, 1)),
		EndLine:         github.Int(max(l.EndLine, l.StartLine, 1)),
		AnnotationLevel: github.String(annotationLevel(f.Severity)),
		Title:           github.String(f.Detector + ": " + oneLine(f.Title)),
		Message:         github.String(annotationMessage(f)),
	}
	// Columns are allowed only on single-line annotations; the end column
	// is exclusive in sleuth and inclusive in GitHub.
	if l.StartLine == l.EndLine && l.StartColumn > 0 && l.EndColumn > l.StartColumn {
		a.StartColumn, a.EndColumn = github.Int(l.StartColumn), github.Int(l.EndColumn-1)
	}
	if fix := in.fixFor(f); fix != "" {
		a.RawDetails = github.String("Fix: " + fix)
	}
	return a
}

func annotationMessage(f *analyzers.Finding) string {
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	if t := f.Triage; t != nil {
		msg += "\nLLM verdict: " + string(t.Verdict)
	}
	return msg
}

// annotationLevel maps severities onto GitHub's three levels.
func annotationLevel(s analyzers.Severity) string {
	switch {
	case s.AtLeast(analyzers.High):
		return "failure"
	case s == analyzers.Medium:
		return "warning"
	}
	return "notice"
}

// chunk splits s into pieces of at most n, always at least one (maybe
// empty) piece.
func chunk[T any](s []T, n int) [][]T {
	out := [][]T{}
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	return append(out, s)
}
