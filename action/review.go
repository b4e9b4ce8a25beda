package action

import (
	"context"
	"fmt"
	"net/http"

	"github.com/google/go-github/v62/github"
)

// review posts one review whose inline comments sit on the lines the pull
// request added, one per finding not already commented on by an earlier
// run.
func (p *Publisher) review(ctx context.Context, in *Input, out *Outcome) error {
	env := &p.Env
	changed, err := p.changedLines(ctx)
	if err != nil {
		return err
	}
	seen, err := p.commentedFindings(ctx)
	if err != nil {
		return err
	}
	var comments []*github.DraftReviewComment
	for i := range in.Findings {
		f := &in.Findings[i]
		line := firstChanged(changed[f.Location.File], f.Location.StartLine, f.Location.EndLine)
		switch {
		case line == 0:
			out.OffDiff++
			continue
		case seen[f.ID]:
			out.Skipped++
			continue
		}
		seen[f.ID] = true
		comments = append(comments, &github.DraftReviewComment{
			Path: github.String(f.Location.File), Line: github.Int(line), Side: github.String("RIGHT"),
			Body: github.String(in.commentBody(f)),
		})
	}
	if len(comments) == 0 {
		p.logf("no new findings on the lines pull request #%d changes", env.PullRequest)
		return nil
	}
	body := fmt.Sprintf("sleuth found %d %s on lines this pull request changes.", len(comments), plural(len(comments), "issue"))
	_, _, err = p.gh.PullRequests.CreateReview(ctx, env.Owner, env.Repo, env.PullRequest, &github.PullRequestReviewRequest{
		CommitID: github.String(env.SHA), Body: github.String(body), Event: github.String("COMMENT"), Comments: comments,
	})
	if err == nil {
		out.Comments += len(comments)
		p.logf("posted a review with %d inline %s on pull request #%d", len(comments), plural(len(comments), "comment"), env.PullRequest)
		return nil
	}
	if statusOf(err) != http.StatusUnprocessableEntity {
		return classify("creating the review", err)
	}
	// 422: GitHub rejected the review as a whole, usually because a line
	// is no longer in the diff (a push raced this run). Post the comments
	// one by one, so one bad line costs one comment, not all of them.
	p.logf("GitHub rejected the review (%v); posting the comments one by one", classify("review", err))
	for _, c := range comments {
		_, _, err := p.gh.PullRequests.CreateComment(ctx, env.Owner, env.Repo, env.PullRequest, &github.PullRequestComment{
			CommitID: github.String(env.SHA), Path: c.Path, Line: c.Line, Side: c.Side, Body: c.Body,
		})
		switch {
		case err == nil:
			out.Comments++
		case statusOf(err) == http.StatusUnprocessableEntity:
			out.OffDiff++
			p.logf("skipped the comment on %s:%d: %v", c.GetPath(), c.GetLine(), classify("comment", err))
		default:
			return classify("creating a review comment", err)
		}
	}
	return nil
}

// changedLines maps each file the pull request touches to the lines its
// new version adds, from the files' patches. GitHub leaves the patch out
// for binary and very large files: those get no inline comments.
func (p *Publisher) changedLines(ctx context.Context) (map[string]map[int]bool, error) {
	env := &p.Env
	changed := map[string]map[int]bool{}
	opts := &github.ListOptions{PerPage: 100}
	for {
		files, resp, err := p.gh.PullRequests.ListFiles(ctx, env.Owner, env.Repo, env.PullRequest, opts)
		if err != nil {
			return nil, classify("listing the pull request's files", err)
		}
		for _, f := range files {
			if f.GetStatus() == "removed" || f.GetPatch() == "" {
				continue
			}
			lines, err := addedLines(f.GetPatch())
			if err != nil {
				p.logf("cannot read the patch of %s: %v", f.GetFilename(), err)
				continue
			}
			changed[f.GetFilename()] = lines
		}
		if resp.NextPage == 0 {
			return changed, nil
		}
		opts.Page = resp.NextPage
	}
}

// commentedFindings collects the fingerprints in the pull request's
// existing review comments: what earlier runs already said.
func (p *Publisher) commentedFindings(ctx context.Context) (map[string]bool, error) {
	env := &p.Env
	seen := map[string]bool{}
	opts := &github.PullRequestListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := p.gh.PullRequests.ListComments(ctx, env.Owner, env.Repo, env.PullRequest, opts)
		if err != nil {
			return nil, classify("listing the pull request's review comments", err)
		}
		for _, c := range comments {
			if id := markedFinding(c.GetBody()); id != "" {
				seen[id] = true
			}
		}
		if resp.NextPage == 0 {
			return seen, nil
		}
		opts.Page = resp.NextPage
	}
}

// firstChanged is the first line of start..end the pull request added, or 0.
func firstChanged(added map[int]bool, start, end int) int {
	for l := start; l <= max(start, end); l++ {
		if added[l] {
			return l
		}
	}
	return 0
}
