// Package action is the GitHub side of sleuth's GitHub Action: given the
// findings of a scan and the environment GitHub Actions provides, it posts
// one pull-request review with inline comments on the lines the pull
// request changed, keeps one summary comment up to date, and creates a
// check run with annotations. With a read-only token (pull requests from
// forks) it falls back to workflow commands and the job summary.
//
// Everything goes through go-github against GITHUB_API_URL, so GitHub
// Enterprise Server works the same. Re-running a workflow never duplicates
// a comment: each one carries a marker with the finding's fingerprint.
// Rate limits are waited out, and the token never appears in any output.
package action
