package action

import (
	"context"
	"strings"

	"github.com/google/go-github/v62/github"
)

// sticky keeps one summary comment on the pull request, edited in place
// on every run. A pull request with nothing to report gets none, but an
// existing one is updated to say the findings are gone.
func (p *Publisher) sticky(ctx context.Context, in *Input, out *Outcome) error {
	env := &p.Env
	existing, err := p.findSticky(ctx)
	if err != nil {
		return err
	}
	body := in.summaryBody(env, in.headline())
	switch {
	case existing != nil && existing.GetBody() == body:
		out.SummaryID = existing.GetID()
	case existing != nil:
		c, _, err := p.gh.Issues.EditComment(ctx, env.Owner, env.Repo, existing.GetID(), &github.IssueComment{Body: github.String(body)})
		if err != nil {
			return classify("updating the summary comment", err)
		}
		out.SummaryID = c.GetID()
	case len(in.Findings) > 0 || in.Failure != "":
		c, _, err := p.gh.Issues.CreateComment(ctx, env.Owner, env.Repo, env.PullRequest, &github.IssueComment{Body: github.String(body)})
		if err != nil {
			return classify("creating the summary comment", err)
		}
		out.SummaryID = c.GetID()
	}
	return nil
}

// findSticky finds the summary comment an earlier run left, if any.
func (p *Publisher) findSticky(ctx context.Context) (*github.IssueComment, error) {
	env := &p.Env
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := p.gh.Issues.ListComments(ctx, env.Owner, env.Repo, env.PullRequest, opts)
		if err != nil {
			return nil, classify("listing the pull request's comments", err)
		}
		for _, c := range comments {
			if strings.HasPrefix(c.GetBody(), summaryMarker) {
				return c, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, nil
		}
		opts.Page = resp.NextPage
	}
}
