package analyzers

import (
	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/solcversion"
)

// Version pragmas: `pragma solidity ^0.8.0;` parsed into the set of
// compiler versions it allows, for detectors whose verdict depends on the
// language version (solc-version, uninitialized-storage, …). The reading
// itself is solcversion's, shared with the parser.

// SolcVersion is a compiler version major.minor.patch.
type SolcVersion = solcversion.Version

// VersionComparator is one term of a constraint: `^0.8.0`, `>=0.4.22`.
type VersionComparator = solcversion.Comparator

// VersionConstraint is a parsed version pragma.
type VersionConstraint = solcversion.Constraint

// ParseVersionConstraint parses the value of `pragma solidity …`; false
// when no version could be read.
func ParseVersionConstraint(s string) (VersionConstraint, bool) { return solcversion.Parse(s) }

// SolidityPragma returns a file's `pragma solidity` directive and its
// parsed constraint; ok is false when the file has none (or it cannot be
// read).
func SolidityPragma(u *ast.SourceUnit) (*ast.PragmaDirective, VersionConstraint, bool) {
	if u == nil {
		return nil, VersionConstraint{}, false
	}
	for _, p := range u.Pragmas {
		if p.Name != "solidity" {
			continue
		}
		if c, ok := ParseVersionConstraint(p.Value); ok {
			return p, c, true
		}
	}
	return nil, VersionConstraint{}, false
}

// AllowsSolcBelow reports whether a file may be compiled with a compiler
// older than v: its pragma allows one, or it has no pragma at all.
func AllowsSolcBelow(u *ast.SourceUnit, v SolcVersion) bool {
	_, c, ok := SolidityPragma(u)
	return !ok || c.AllowsBelow(v)
}
