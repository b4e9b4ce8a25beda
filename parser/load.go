package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Load finds the files cfg names, works out the project around them
// (root, Foundry or Hardhat layout, remappings), and parses every file
// they import, transitively, each once and in parallel. Problems with the
// input are diagnostics in the Project; the error is for what the user
// must fix before anything can run: a path that does not exist or an
// invalid exclude pattern.
func Load(cfg Config) (*Project, error) {
	paths := cfg.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	named := make([]string, len(paths))
	dirs := make([]bool, len(paths))
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		fi, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("cannot scan %s: %w", p, plainErr(err))
		}
		named[i], dirs[i] = abs, fi.IsDir()
	}

	start := named[0]
	if !dirs[0] {
		start = filepath.Dir(start)
	}
	root := findRoot(start)
	cr := newConfigReader(root)
	layout := detectLayout(root, cr)
	cr.readRemappingsTxt(root)
	var libs []string
	for _, lib := range layout.Libs {
		libs = append(libs, absUnder(root, lib))
	}
	if layout.Kind == LayoutFoundry {
		cr.deriveLibRemappings(libs)
	}
	sc, err := newScope(cfg, layout, libs)
	if err != nil {
		return nil, err
	}

	l := newLoader(cfg, root, sc)
	l.res = &resolver{
		root: root, remaps: cr.remappings, libs: libs, fs: l.fs,
		allowed: allowedDirs(root, libs, cr.remappings, named),
	}
	l.diags = append(l.diags, cr.diags...)

	// Walk first, parse after: the walk takes a millisecond or two, and
	// finishing it before any import is resolved gives every file the
	// user scanned its path as walked, whatever imports it.
	w := &walker{l: l, realRoot: l.fs.realDir(root), visited: map[string]bool{}}
	for i, abs := range named {
		if dirs[i] {
			w.walkNamed(abs)
		} else {
			l.register(abs, l.fs.realPath(abs), relPath(root, abs), true, 0)
		}
	}
	// Largest first: workers then finish together instead of one of them
	// parsing a big file alone at the end while the other idles.
	first := append([]*entry(nil), l.entries...)
	sort.SliceStable(first, func(i, j int) bool { return first[i].size > first[j].size })
	for _, e := range first {
		l.spawn(e)
	}
	l.wg.Wait()

	return l.project(layout, cr.remappings), nil
}

// entry is the loader's record of one file, keyed by its real path.
type entry struct {
	unit *Unit
	abs  string // absolute, as first reached
	real string // symlinks resolved
	path string // root-relative, slash-separated
	size int64  // as the walk saw it, to schedule big files first
	// scanned marks files found by the walk or named by the user: in scope,
	// and their path is final. Other files were reached by imports only,
	// perhaps by several paths (through symlinks); they end up with the
	// smallest, so the path does not depend on which worker got there
	// first.
	scanned  bool
	smallest string
	diags    []source.Diagnostic // written only by the worker that parses the file
	dropped  bool                // not parsed: unreadable, binary or too large
	// unresolved holds the imports that did not resolve, turned into
	// diagnostics when the file's path is final.
	unresolved []unresolvedImport
}

type unresolvedImport struct {
	at   source.Span
	prob *problem
}

// loader is the state of one Load.
type loader struct {
	root    string
	scope   *scope
	res     *resolver
	fs      *fsCache
	maxSize int64
	overlay map[string][]byte
	sem     chan struct{} // bounds parsing to Config.Workers
	wg      sync.WaitGroup

	mu      sync.Mutex
	byReal  map[string]*entry
	entries []*entry
	diags   []source.Diagnostic
}

func newLoader(cfg Config, root string, sc *scope) *loader {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxSize := cfg.MaxFileSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	return &loader{
		root: root, scope: sc, fs: &fsCache{}, maxSize: maxSize, overlay: cfg.Overlay,
		sem: make(chan struct{}, workers), byReal: map[string]*entry{},
	}
}

func (l *loader) diag(d source.Diagnostic) {
	l.mu.Lock()
	l.diags = append(l.diags, d)
	l.mu.Unlock()
}

// register returns the entry for the file at real, creating it if needed;
// isNew says the caller must spawn its parse. Dedupe by real path is what
// makes every file read and parsed exactly once.
func (l *loader) register(abs, real, path string, scanned bool, size int64) (e *entry, isNew bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.byReal[real]; e != nil {
		if scanned {
			e.scanned, e.unit.InScope = true, true
		} else if !e.scanned && path < e.path && (e.smallest == "" || path < e.smallest) {
			e.smallest = path
		}
		return e, false
	}
	e = &entry{abs: abs, real: real, path: path, size: size, scanned: scanned, unit: &Unit{InScope: scanned}}
	if !scanned {
		e.unit.InScope = l.scope.importedInScope(abs, path)
	}
	l.byReal[real] = e
	l.entries = append(l.entries, e)
	return e, true
}

// spawn parses e on its own goroutine once a worker slot is free. A
// goroutine per file, rather than a fixed pool reading a channel, means a
// worker that discovers imports never blocks handing them over.
func (l *loader) spawn(e *entry) {
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		l.sem <- struct{}{}
		defer func() { <-l.sem }()
		l.process(e)
	}()
}

// read returns a file's contents: from the overlay when it has them.
func (l *loader) read(abs string) ([]byte, string) {
	if c, ok := l.overlay[abs]; ok {
		if int64(len(c)) > l.maxSize {
			return nil, fmt.Sprintf("file too large to parse (%s; the limit is %s)", byteSize(int64(len(c))), byteSize(l.maxSize))
		}
		return c, ""
	}
	return readSource(abs, l.maxSize)
}

// process reads, checks and parses one file, then resolves its imports
// and spawns the files they lead to.
func (l *loader) process(e *entry) {
	defer func() {
		// A bug in resolution or parsing costs this file, not the run.
		if r := recover(); r != nil {
			e.diags = append(e.diags, source.Diagnostic{File: e.path, Severity: source.Error,
				Message: fmt.Sprintf("internal error loading %s: %v", e.path, r)})
			if e.unit.AST == nil {
				e.dropped = true
			}
		}
	}()
	content, reason := l.read(e.abs)
	if reason != "" {
		e.diags = append(e.diags, source.Diagnostic{File: e.path, Severity: source.Error, Message: reason})
		e.dropped = true
		return
	}
	f := source.NewFile(e.path, e.abs, content)
	e.unit.File = f
	d, skip := checkContent(f)
	if d != nil {
		e.diags = append(e.diags, *d)
	}
	if skip {
		e.dropped = true
		return
	}

	su, diags := parseRecovered(f)
	e.unit.AST = su
	e.diags = append(e.diags, diags...)
	for _, d := range diags {
		if d.Severity == source.Error {
			e.unit.SyntaxErrors++
		}
	}

	e.unit.Imports = make([]*Unit, len(su.Imports))
	for i, imp := range su.Imports {
		if imp == nil {
			continue
		}
		abs, prob := l.res.resolve(f, imp.Path)
		if prob != nil {
			span := imp.PathSpan
			if !span.Valid() {
				span = imp.Span()
			}
			e.unresolved = append(e.unresolved, unresolvedImport{span, prob})
			continue
		}
		target, isNew := l.register(abs, l.fs.realPath(abs), relPath(l.root, abs), false, 0)
		if isNew {
			l.spawn(target)
		}
		e.unit.Imports[i] = target.unit
	}
}

// parseRecovered runs ParseFile, turning a panic into an error diagnostic
// and an empty syntax tree so the file still counts as loaded.
func parseRecovered(f *source.File) (su *ast.SourceUnit, diags []source.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			su = nil
			diags = append(diags, source.Diagnostic{File: f.Path, Severity: source.Error,
				Message: fmt.Sprintf("internal error parsing %s: %v", f.Path, r)})
		}
		if su == nil {
			su = &ast.SourceUnit{Base: ast.Base{Src: f.Span(0, len(f.Content))}, File: f}
		}
	}()
	return ParseFile(f)
}

// project assembles the result once every worker is done.
func (l *loader) project(layout Layout, remaps []Remapping) *Project {
	p := &Project{Root: l.root, Layout: layout, Remappings: remaps}
	p.Diagnostics = append(p.Diagnostics, l.diags...)
	for _, e := range l.entries {
		if !e.scanned && e.smallest != "" {
			l.rename(e, e.smallest)
		}
		p.Diagnostics = append(p.Diagnostics, e.diags...)
		for _, u := range e.unresolved {
			p.Diagnostics = append(p.Diagnostics, source.At(u.at, u.prob.sev, l.res.message(u.prob, e.path)))
		}
		if !e.dropped {
			p.Units = append(p.Units, e.unit)
		}
	}
	// Imports of files that could not be parsed resolve to nothing; the
	// file's own diagnostic says why.
	for _, u := range p.Units {
		for i, imp := range u.Imports {
			if imp != nil && imp.AST == nil {
				u.Imports[i] = nil
			}
		}
	}
	sort.Slice(p.Units, func(i, j int) bool { return p.Units[i].File.Path < p.Units[j].File.Path })
	source.SortDiagnostics(p.Diagnostics)
	return p
}

// rename gives an imported file a new path once every worker is done.
func (l *loader) rename(e *entry, path string) {
	for i := range e.diags {
		if e.diags[i].File == e.path {
			e.diags[i].File = path
		}
	}
	if e.unit.File != nil {
		e.unit.File.Path = path
	}
	e.path = path
}

// absUnder makes a configured directory absolute against root.
func absUnder(root, dir string) string {
	d := filepath.FromSlash(dir)
	if filepath.IsAbs(d) {
		return filepath.Clean(d)
	}
	return filepath.Join(root, d)
}
