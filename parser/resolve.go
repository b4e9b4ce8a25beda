package parser

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// resolver maps import paths to files on disk. All workers share one; it
// only reads its fields and the concurrency-safe fsCache.
type resolver struct {
	root   string
	remaps []Remapping
	libs   []string // absolute
	// allowed are directories outside the root that imports may reach:
	// libs, remapping targets and the paths the user named.
	allowed []string
	fs      *fsCache
}

// problem is why an import did not resolve. Its message is written once
// loading is over (see message), when the importing file's path is final.
type problem struct {
	sev      source.Severity
	spec     string
	kind     problemKind
	remapped string // kind notFound: where a matching remapping pointed, or ""
	escaped  string // kind escapes: the real path of the file not followed
}

type problemKind uint8

const (
	emptyPath problemKind = iota
	noRelative
	notFound
	escapes
)

// resolve finds the file that `import "spec"` in from refers to. The order
// follows what solc sees under forge and Hardhat: relative paths against
// the importing file; otherwise remappings, the root, node_modules
// directories from the importing file upward, the libs directories, and
// last the importing file's own directory, which is what old code and
// single-directory datasets (`import "SafeMath.sol";`) mean.
func (r *resolver) resolve(from *source.File, spec string) (string, *problem) {
	if spec == "" {
		return "", &problem{sev: source.Error, kind: emptyPath}
	}
	dir := filepath.Dir(from.Abs)
	native := filepath.FromSlash(spec)
	var escaped string // an existing file we may not read
	try := func(p string) bool {
		if !r.fs.stat(p).regular() {
			return false
		}
		if !r.mayRead(p) {
			if escaped == "" {
				escaped = p
			}
			return false
		}
		return true
	}
	if isRelativeImport(spec) {
		p := filepath.Join(dir, native)
		if try(p) {
			return p, nil
		}
		if escaped != "" {
			return "", r.escapeProblem(spec, escaped)
		}
		return "", &problem{sev: source.Error, spec: spec, kind: noRelative}
	}

	remapped, hasRemap := r.remap(from.Path, spec)
	if hasRemap && try(remapped) {
		return remapped, nil
	}
	var cands []string
	if filepath.IsAbs(native) {
		cands = append(cands, filepath.Clean(native))
	} else {
		cands = append(cands, filepath.Join(r.root, native))
		for d := dir; ; {
			cands = append(cands, filepath.Join(d, "node_modules", native))
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
		for _, lib := range r.libs {
			cands = append(cands, filepath.Join(lib, native))
		}
		cands = append(cands, filepath.Join(dir, native))
	}
	for _, p := range cands {
		if try(p) {
			return p, nil
		}
	}
	if escaped != "" {
		return "", r.escapeProblem(spec, escaped)
	}
	p := &problem{sev: source.Error, spec: spec, kind: notFound}
	if hasRemap {
		p.remapped = remapped
	}
	return "", p
}

// message words the problem for an import in the file at importer (a
// root-relative path), naming the places that were searched.
func (r *resolver) message(p *problem, importer string) string {
	dir := path.Dir(importer)
	switch p.kind {
	case emptyPath:
		return "empty import path"
	case noRelative:
		return fmt.Sprintf("cannot resolve import %q: no file %s", p.spec, path.Join(dir, p.spec))
	case escapes:
		return fmt.Sprintf("import %q leads to %s, outside the project root and its dependency directories; not followed",
			p.spec, p.escaped)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cannot resolve import %q: ", p.spec)
	if p.remapped != "" {
		fmt.Fprintf(&b, "remapped to %s, which does not exist; also ", relPath(r.root, p.remapped))
	}
	places := []string{"the project root", "node_modules"}
	if p.remapped == "" && len(r.remaps) > 0 {
		places = append([]string{"remappings"}, places...)
	}
	for _, lib := range r.libs {
		places = append(places, relPath(r.root, lib)+"/")
	}
	fmt.Fprintf(&b, "not found relative to %s/, in ", dir)
	for i, p := range places {
		switch {
		case i == 0:
		case i == len(places)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// escapeProblem reports the file's real path: the path it was reached by
// depends on which importer was parsed first.
func (r *resolver) escapeProblem(spec, abs string) *problem {
	return &problem{sev: source.Warning, spec: spec, kind: escapes, escaped: r.fs.realPath(abs)}
}

// remap applies the remapping solc would pick: the longest matching
// context, then the longest matching prefix. Remappings replace the prefix
// as a string, exactly like solc.
func (r *resolver) remap(importer, spec string) (string, bool) {
	best := -1
	bestCtx, bestPrefix := -1, -1
	for i, m := range r.remaps {
		if !strings.HasPrefix(importer, m.Context) || !strings.HasPrefix(spec, m.Prefix) {
			continue
		}
		if len(m.Context) > bestCtx || (len(m.Context) == bestCtx && len(m.Prefix) > bestPrefix) {
			best, bestCtx, bestPrefix = i, len(m.Context), len(m.Prefix)
		}
	}
	if best < 0 {
		return "", false
	}
	m := r.remaps[best]
	return filepath.Clean(m.Target + filepath.FromSlash(spec[len(m.Prefix):])), true
}

// mayRead reports whether the loader may follow an import to abs: inside
// the root, a node_modules directory, a libs directory, a remapping target
// or a path the user named. Checking the path as written (not its real
// path) lets a project symlink its dependencies in from elsewhere.
func (r *resolver) mayRead(abs string) bool {
	if within(r.root, abs) {
		return true
	}
	for _, d := range r.allowed {
		if within(d, abs) {
			return true
		}
	}
	return strings.Contains(filepath.ToSlash(abs), "/node_modules/")
}

// isRelativeImport reports whether solc resolves spec against the
// importing file: it starts with ./ or ../ (or is . or ..).
func isRelativeImport(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../")
}

// within reports whether p is dir or below it. Both must be clean.
func within(dir, p string) bool {
	dir = strings.TrimSuffix(dir, string(filepath.Separator))
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// relPath is abs relative to root with forward slashes, for display. A
// path on another volume stays absolute.
func relPath(root, abs string) string {
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// allowedDirs collects the directories outside root that imports may
// reach, besides node_modules.
func allowedDirs(root string, libs []string, remaps []Remapping, named []string) []string {
	var out []string
	add := func(d string) {
		d = filepath.Clean(d)
		if !within(root, d) {
			out = append(out, d)
		}
	}
	for _, l := range libs {
		add(l)
	}
	for _, m := range remaps {
		t := m.Target
		if !strings.HasSuffix(t, string(filepath.Separator)) {
			t = filepath.Dir(t)
		}
		add(t)
	}
	for _, n := range named {
		if fi, err := os.Stat(n); err == nil && !fi.IsDir() {
			n = filepath.Dir(n)
		}
		add(n)
	}
	return out
}
