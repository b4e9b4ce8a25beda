package compile

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// sourceSet is the standard-JSON sources of one compiler run: every file the
// group's files import, transitively, keyed by root-relative path, plus the
// remappings and aliases that make the compiler find, for each import, the
// file the front end resolved it to.
type sourceSet struct {
	sources    map[string]stdSource
	remappings []string
	byName     map[string]*parser.Unit // source unit name -> file
}

func buildSources(units []*parser.Unit) *sourceSet {
	s := &sourceSet{sources: map[string]stdSource{}, byName: map[string]*parser.Unit{}}
	remaps := map[string]bool{}
	seen := map[*parser.Unit]bool{}
	var walk func(*parser.Unit)
	walk = func(u *parser.Unit) {
		if u == nil || seen[u] {
			return
		}
		seen[u] = true
		s.add(u.File.Path, u)
		if u.AST == nil {
			return
		}
		for i, imp := range u.AST.Imports {
			if i >= len(u.Imports) || u.Imports[i] == nil {
				continue // unresolved: the compiler reports it, as the front end did
			}
			t := u.Imports[i]
			if isRelative(imp.Path) {
				// solc joins a relative import to the importer's directory.
				if name := path.Clean(path.Join(path.Dir(u.File.Path), imp.Path)); name != t.File.Path {
					s.add(name, t)
				}
			} else if imp.Path != t.File.Path {
				// A direct import ("@oz/…", "forge-std/…") goes through
				// remappings; an exact one, scoped to the importing file,
				// names the file the front end chose, whatever layout
				// (Foundry remappings, Hardhat node_modules) led to it.
				remaps[u.File.Path+":"+imp.Path+"="+t.File.Path] = true
			}
			walk(t)
		}
	}
	for _, u := range units {
		walk(u)
	}
	for r := range remaps {
		s.remappings = append(s.remappings, r)
	}
	sort.Strings(s.remappings)
	return s
}

func (s *sourceSet) add(name string, u *parser.Unit) {
	if _, ok := s.byName[name]; ok {
		return
	}
	s.byName[name] = u
	s.sources[name] = stdSource{Content: string(u.File.Content)}
}

func isRelative(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")
}

// compileGroup compiles units with c and returns the artifacts of the
// contracts they declare.
func compileGroup(ctx context.Context, proj *parser.Project, c *compiler, units []*parser.Unit) ([]*Artifact, []source.Diagnostic, error) {
	set := buildSources(units)
	in := &stdInput{
		Language: "Solidity",
		Sources:  set.sources,
		Settings: stdSettings{
			Remappings:      set.remappings,
			OutputSelection: outputSelection(),
		},
	}
	if c.kind == kindNative && !strings.Contains(c.long, "+commit") {
		// solc-select and svm installs are known by their directory
		// names; the chosen one tells its full version for the artifacts.
		if probed, err := nativeCompiler(ctx, c.path, c.tier, c.origin); err == nil && probed.version == c.version {
			c.long = probed.long
		}
	}
	out, err := c.run(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	diags := solcDiagnostics(c, out, set.byName)
	for _, d := range diags {
		if d.Severity == source.Error {
			// solc produces no bytecode at all when anything fails.
			return nil, diags, nil
		}
	}
	wanted := map[string]bool{}
	for _, u := range units {
		wanted[u.File.Path] = true
	}
	arts, d := artifactsFromOutput(out, set.byName, wanted, c.Name())
	return arts, append(diags, d...), nil
}

// solcDiagnostics turns the compiler's errors into diagnostics at their
// file, line and column; warnings are left out (the static detectors speak
// for the code's quality).
func solcDiagnostics(c *compiler, out *stdOutput, byName map[string]*parser.Unit) []source.Diagnostic {
	var diags []source.Diagnostic
	for _, e := range out.Errors {
		if e.Severity != "error" {
			continue
		}
		msg := e.Message
		if e.Type != "" {
			msg = e.Type + ": " + msg
		}
		d := source.Diagnostic{Severity: source.Error, Message: fmt.Sprintf("%s %s: %s", c.kind, c.version, msg)}
		if loc := e.SourceLocation; loc != nil {
			if u, ok := byName[loc.File]; ok {
				d.File = u.File.Path
				if loc.Start >= 0 && loc.Start <= len(u.File.Content) {
					p := u.File.Pos(loc.Start)
					d.Line, d.Column = p.Line, p.Column
				}
			} else {
				d.File = loc.File
			}
		}
		diags = append(diags, d)
	}
	return diags
}
