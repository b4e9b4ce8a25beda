// Package compile turns a parsed Solidity project into EVM bytecode for the
// symbolic engine: it reuses fresh Foundry or Hardhat build artifacts, or
// finds a compiler (--solc, solc on PATH, solc-select and svm installs,
// solc-js from npm), picks the version the pragmas allow, and runs it through
// standard JSON. Artifacts carry the ABI, creation and runtime code, and the
// source maps that lead a pc back to the source text.
package compile

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Options says which compiler to use.
type Options struct {
	Solc    string // --solc: a native solc binary or a solc-js soljson.js / npm package dir; "" = discover
	Version string // force a compiler version; "" = choose from the pragmas
}

// Artifact is one compiled contract.
type Artifact struct {
	Name                    string   // contract name
	Source                  string   // root-relative path of the file declaring it ("src/Bank.sol")
	ABI                     abi.ABI  // github.com/ethereum/go-ethereum/accounts/abi
	Creation                []byte   // creation bytecode (constructor + runtime)
	Runtime                 []byte   // deployed bytecode
	CreationMap, RuntimeMap string   // solc source maps
	Sources                 []string // source index -> root-relative path, as in the source maps
	Compiler                string   // "0.8.28+commit…" or "solc-js 0.4.26"
	// ASTID is the id of the contract's definition in the compiler's AST,
	// -1 when the AST is not known (an artifact built without it).
	ASTID int
	// Defs are the contract, function and modifier definitions of every
	// file the compiler run saw (shared by the run's artifacts); DefAt
	// finds the one around a source range.
	Defs []ASTDef

	srcOnce sync.Once
	src     sourceIndex
}

// NoCompilerMessage is the diagnostic Compile gives when no compiler is
// installed; the static results stand without the symbolic engine.
const NoCompilerMessage = "no Solidity compiler found, so the symbolic engine did not run: " +
	"install solc (https://docs.soliditylang.org/en/latest/installing-solidity.html, " +
	"or `pip install solc-select && solc-select install 0.8.28 && solc-select use 0.8.28`), " +
	"or `npm install solc@0.8.28` in the project, or pass --solc PATH"

// Compile compiles the in-scope files of the project rooted at proj.Root,
// with the imports resolved as the front end resolved them (proj.Units know
// each import's file; sources go to the compiler with their content, so it
// needs no file access), reusing Foundry/Hardhat artifacts when present and
// fresh. Diagnostics explain what could not be compiled (no compiler: one
// diagnostic, NoCompilerMessage); the error is for what the user must fix or
// what stopped the run: a nil project, an invalid Options.Version, an
// Options.Solc that is not a usable compiler, a cancelled context.
func Compile(ctx context.Context, proj *parser.Project, opts Options) ([]*Artifact, []source.Diagnostic, error) {
	if proj == nil {
		return nil, nil, errors.New("compile: nil project")
	}
	var force *Version
	if opts.Version != "" {
		v, err := ParseVersion(opts.Version)
		if err != nil {
			return nil, nil, fmt.Errorf("compiler version: %w", err)
		}
		force = &v
	}
	var diags []source.Diagnostic
	var todo []*parser.Unit
	for _, u := range proj.InScope() {
		if u.AST == nil || u.SyntaxErrors > 0 {
			diags = append(diags, source.Diagnostic{File: u.File.Path, Severity: source.Warning,
				Message: "not compiled for the symbolic engine: the file has syntax errors"})
			continue
		}
		todo = append(todo, u)
	}

	// Build artifacts first: a fresh build needs no compiler at all. A
	// compiler the user named wins over them.
	var arts []*Artifact
	if opts.Solc == "" && opts.Version == "" {
		arts, todo = reuseArtifacts(proj, todo)
	}
	if len(todo) == 0 {
		return arts, tidy(diags), ctx.Err()
	}

	compilers, err := discover(ctx, proj.Root, opts)
	if err != nil {
		// Only an unusable --solc fails discovery: the user's to fix.
		return arts, diags, err
	}
	if len(compilers) == 0 {
		diags = append(diags, source.Diagnostic{Severity: source.Error, Message: NoCompilerMessage})
		return arts, diags, ctx.Err()
	}

	// Group the files by the compiler their pragmas (and their imports')
	// choose, so that one run compiles each group.
	groups := map[*compiler][]*parser.Unit{}
	var order []*compiler
	for _, u := range todo {
		cons, bad := closurePragmas(u)
		diags = append(diags, bad...)
		c := choose(compilers, cons, force)
		if c == nil {
			diags = append(diags, noMatchDiag(u, cons, compilers, force))
			continue
		}
		if _, ok := groups[c]; !ok {
			order = append(order, c)
		}
		groups[c] = append(groups[c], u)
	}
	// Groups compile in parallel (each run is a separate process), bounded
	// by the CPUs; results are gathered in group order, so output is stable.
	type result struct {
		arts  []*Artifact
		diags []source.Diagnostic
		err   error
	}
	results := make([]result, len(order))
	sem := make(chan struct{}, max(1, runtime.NumCPU()))
	var wg sync.WaitGroup
	for i, c := range order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := ctx.Err(); err != nil {
				results[i].err = err
				return
			}
			results[i].arts, results[i].diags, results[i].err = compileGroup(ctx, proj, c, groups[c])
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return arts, diags, err
	}
	for i, r := range results {
		if r.err != nil {
			diags = append(diags, source.Diagnostic{File: groups[order[i]][0].File.Path, Severity: source.Error,
				Message: "compiling for the symbolic engine: " + r.err.Error()})
			continue
		}
		arts = append(arts, r.arts...)
		diags = append(diags, r.diags...)
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if arts[i].Source != arts[j].Source {
			return arts[i].Source < arts[j].Source
		}
		return arts[i].Name < arts[j].Name
	})
	return arts, tidy(diags), nil
}

// tidy sorts diagnostics and drops repeats (a bad pragma in a file many
// others import is reported once).
func tidy(diags []source.Diagnostic) []source.Diagnostic {
	source.SortDiagnostics(diags)
	out := diags[:0]
	for i, d := range diags {
		if i > 0 && d == diags[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// closurePragmas gathers the solidity pragmas of u and every file it imports,
// transitively: one compiler run must satisfy them all.
func closurePragmas(u *parser.Unit) ([]Constraint, []source.Diagnostic) {
	var cons []Constraint
	var diags []source.Diagnostic
	seen := map[*parser.Unit]bool{}
	var walk func(*parser.Unit)
	walk = func(u *parser.Unit) {
		if u == nil || seen[u] {
			return
		}
		seen[u] = true
		if u.AST != nil {
			for _, p := range u.AST.Pragmas {
				if p.Name != "solidity" {
					continue
				}
				c, err := ParseConstraint(p.Value)
				if err != nil {
					diags = append(diags, source.At(p.Span(), source.Warning, err.Error()))
					continue
				}
				cons = append(cons, c)
			}
		}
		for _, imp := range u.Imports {
			walk(imp)
		}
	}
	walk(u)
	return cons, diags
}

func noMatchDiag(u *parser.Unit, cons []Constraint, cs []*compiler, force *Version) source.Diagnostic {
	var have []string
	for _, c := range cs {
		have = append(have, c.version.String()+" ("+c.origin+")")
	}
	var want []string
	for _, c := range cons {
		want = append(want, c.String())
	}
	msg := fmt.Sprintf("not compiled for the symbolic engine: no installed compiler satisfies pragma solidity %s (with its imports); found %s; install one that does (solc-select install X, or npm install solc@X)",
		strings.Join(want, " and "), strings.Join(have, ", "))
	if force != nil {
		msg = fmt.Sprintf("not compiled for the symbolic engine: no installed compiler has the requested version %s; found %s",
			force, strings.Join(have, ", "))
	}
	d := source.Diagnostic{File: u.File.Path, Severity: source.Error, Message: msg}
	if u.AST != nil {
		for _, p := range u.AST.Pragmas {
			if p.Name == "solidity" {
				sp := p.Span()
				d.Line, d.Column = sp.Start.Line, sp.Start.Column
				break
			}
		}
	}
	return d
}
