// Package parser loads Solidity projects and parses them into package ast's
// syntax trees. Load finds the files, resolves imports through Foundry and
// Hardhat layouts, and parses every file once, in parallel; ParseFile parses
// one file. Problems with the input become diagnostics, never panics.
package parser

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Config says what to load.
type Config struct {
	// Paths are the files and directories the user named.
	Paths []string
	// IncludeTests puts test/ and script/ directories (and *.t.sol,
	// *.s.sol files) in scope; by default they are parsed only when imported.
	IncludeTests bool
	// IncludeDeps puts lib/ and node_modules/ in scope: the files of them
	// that something imports (dependency directories are never walked).
	IncludeDeps bool
	// Exclude holds glob patterns (matched against root-relative paths,
	// `**` allowed) of files to leave out of scope. A pattern that matches
	// a directory leaves out everything below it; one without a slash
	// matches a name at any depth. Files named in Paths stay in scope.
	Exclude []string
	// Workers bounds parse parallelism; 0 means one per CPU.
	Workers int
	// MaxFileSize is the largest file parsed, in bytes; larger files get an
	// error diagnostic instead. 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Overlay replaces the contents of files on disk, keyed by absolute,
	// cleaned path: the staged versions of files in a pre-commit scan, an
	// editor's unsaved buffers. The files must still exist on disk.
	Overlay map[string][]byte
}

// Project is a loaded set of files.
type Project struct {
	// Root is the absolute directory that reported paths are relative to.
	Root string
	// Layout is the kind of project found at Root and where its parts are.
	Layout Layout
	// Units holds every parsed file, in scope or not, sorted by path.
	Units []*Unit
	// Remappings in effect, from foundry.toml and remappings.txt, then
	// those forge derives for lib/ dependencies, in priority order.
	Remappings []Remapping
	// Diagnostics from loading and parsing, sorted.
	Diagnostics []source.Diagnostic
}

// InScope returns the units findings may be reported on.
func (p *Project) InScope() []*Unit {
	var out []*Unit
	for _, u := range p.Units {
		if u.InScope {
			out = append(out, u)
		}
	}
	return out
}

// Unit is one parsed file and its resolved imports.
type Unit struct {
	File *source.File
	AST  *ast.SourceUnit
	// InScope is false for dependencies (lib/, node_modules/, tests) that
	// were loaded only so names resolve.
	InScope bool
	// Imports is parallel to AST.Imports: the unit each import resolved to,
	// or nil where it did not resolve (a diagnostic says why).
	Imports []*Unit
	// SyntaxErrors counts this file's syntax errors.
	SyntaxErrors int
}

// Remapping is `context:prefix=target` from foundry.toml or remappings.txt.
type Remapping struct {
	Context string
	Prefix  string
	Target  string // absolute
}
