package report

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Rebase returns doc with every path made relative to root, a directory
// that holds doc.Root (the repository around a scanned subdirectory):
// "Token.sol" under root/contracts becomes "contracts/Token.sol". GitHub
// code scanning maps SARIF results onto the repository by their URIs, so
// a SARIF log for it must name repository paths, whatever was scanned.
// doc itself is left alone. root equal to doc.Root returns doc unchanged.
func Rebase(doc Document, root string) (Document, error) {
	if doc.Root == "" || root == "" {
		return doc, nil
	}
	from, err := realDir(doc.Root)
	if err != nil {
		return doc, err
	}
	to, err := realDir(root)
	if err != nil {
		return doc, err
	}
	rel, err := filepath.Rel(to, from)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return doc, fmt.Errorf("the scanned project %s is not inside %s", doc.Root, root)
	}
	if rel == "." {
		return doc, nil
	}
	prefix := filepath.ToSlash(rel)
	join := func(p string) string {
		if p == "" {
			return ""
		}
		return path.Join(prefix, p)
	}
	loc := func(l analyzers.Location) analyzers.Location {
		l.File = join(l.File)
		return l
	}

	out := doc
	out.Root = to
	out.files = nil
	out.Findings = make([]analyzers.Finding, len(doc.Findings))
	for i, f := range doc.Findings {
		f.Location = loc(f.Location)
		if f.Related != nil {
			rs := make([]analyzers.Related, len(f.Related))
			for j, r := range f.Related {
				r.Location = loc(r.Location)
				rs[j] = r
			}
			f.Related = rs
		}
		out.Findings[i] = f
	}
	out.Diagnostics = make([]source.Diagnostic, len(doc.Diagnostics))
	for i, d := range doc.Diagnostics {
		d.File = join(d.File)
		out.Diagnostics[i] = d
	}
	if doc.Sources != nil {
		out.Sources = make(map[string]*source.File, len(doc.Sources))
		for p, f := range doc.Sources {
			out.Sources[join(p)] = f
		}
	}
	return out, nil
}

// realDir is dir made absolute with symlinks resolved, so /tmp and
// /private/tmp (macOS) compare equal.
func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	return abs, nil
}
