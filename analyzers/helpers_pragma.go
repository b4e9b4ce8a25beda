package analyzers

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// Version pragmas: `pragma solidity ^0.8.0;` parsed into the set of
// compiler versions it allows, for detectors whose verdict depends on the
// language version (solc-version, uninitialized-storage, …).

// SolcVersion is a compiler version major.minor.patch.
type SolcVersion struct{ Major, Minor, Patch int }

// Less orders versions.
func (v SolcVersion) Less(o SolcVersion) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor < o.Minor
	}
	return v.Patch < o.Patch
}

func (v SolcVersion) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

func (v SolcVersion) nextPatch() SolcVersion { return SolcVersion{v.Major, v.Minor, v.Patch + 1} }
func (v SolcVersion) nextMinor() SolcVersion { return SolcVersion{v.Major, v.Minor + 1, 0} }
func (v SolcVersion) nextMajor() SolcVersion { return SolcVersion{v.Major + 1, 0, 0} }

// versionRange is the half-open range [Lo, Hi) of versions; Hi is nil for
// no upper bound.
type versionRange struct {
	Lo SolcVersion
	Hi *SolcVersion
}

func (r versionRange) empty() bool { return r.Hi != nil && !r.Lo.Less(*r.Hi) }

func (r versionRange) intersect(o versionRange) versionRange {
	out := r
	if out.Lo.Less(o.Lo) {
		out.Lo = o.Lo
	}
	if o.Hi != nil && (out.Hi == nil || o.Hi.Less(*out.Hi)) {
		h := *o.Hi
		out.Hi = &h
	}
	return out
}

// VersionComparator is one term of a constraint: `^0.8.0`, `>=0.4.22`.
type VersionComparator struct {
	Op      string // "^", "~", ">=", ">", "<=", "<", "=" or "" (exact)
	Version SolcVersion
	// Parts is how many components were written (0.8 has 2).
	Parts int
}

// VersionConstraint is a parsed version pragma: alternatives (||) of
// conjunctions of comparators.
type VersionConstraint struct {
	Raw  string
	Sets [][]VersionComparator
}

var comparatorRE = regexp.MustCompile(`(\^|~|>=|<=|>|<|=)?\s*v?(\d+)(?:\.(\d+|x|X|\*))?(?:\.(\d+|x|X|\*))?`)

// ParseVersionConstraint parses the value of `pragma solidity …`. It
// reports false when no version could be read.
func ParseVersionConstraint(s string) (VersionConstraint, bool) {
	c := VersionConstraint{Raw: strings.TrimSpace(s)}
	for _, alt := range strings.Split(s, "||") {
		var set []VersionComparator
		for _, m := range comparatorRE.FindAllStringSubmatch(alt, -1) {
			vc := VersionComparator{Op: m[1], Parts: 1}
			vc.Version.Major, _ = strconv.Atoi(m[2])
			if n, err := strconv.Atoi(m[3]); err == nil {
				vc.Version.Minor = n
				vc.Parts = 2
				if n, err := strconv.Atoi(m[4]); err == nil {
					vc.Version.Patch = n
					vc.Parts = 3
				}
			}
			set = append(set, vc)
		}
		if len(set) > 0 {
			c.Sets = append(c.Sets, set)
		}
	}
	return c, len(c.Sets) > 0
}

func (vc VersionComparator) rng() versionRange {
	v := vc.Version
	switch vc.Op {
	case "^":
		switch {
		case v.Major > 0 || vc.Parts == 1:
			h := v.nextMajor()
			return versionRange{v, &h}
		case v.Minor > 0 || vc.Parts == 2:
			h := v.nextMinor()
			return versionRange{v, &h}
		default:
			h := v.nextPatch()
			return versionRange{v, &h}
		}
	case "~":
		h := v.nextMinor()
		if vc.Parts == 1 {
			h = v.nextMajor()
		}
		return versionRange{v, &h}
	case ">=":
		return versionRange{Lo: v}
	case ">":
		switch vc.Parts {
		case 1:
			return versionRange{Lo: v.nextMajor()}
		case 2:
			return versionRange{Lo: v.nextMinor()}
		}
		return versionRange{Lo: v.nextPatch()}
	case "<":
		return versionRange{Hi: &v}
	case "<=":
		h := v.nextPatch()
		switch vc.Parts {
		case 1:
			h = v.nextMajor()
		case 2:
			h = v.nextMinor()
		}
		return versionRange{Hi: &h}
	}
	// exact, possibly partial: 0.8 is any 0.8.x
	h := v.nextPatch()
	switch vc.Parts {
	case 1:
		h = v.nextMajor()
	case 2:
		h = v.nextMinor()
	}
	return versionRange{v, &h}
}

// ranges returns the non-empty version ranges the constraint allows.
func (c VersionConstraint) ranges() []versionRange {
	var out []versionRange
	for _, set := range c.Sets {
		r := versionRange{}
		for _, vc := range set {
			r = r.intersect(vc.rng())
		}
		if !r.empty() {
			out = append(out, r)
		}
	}
	return out
}

// Lowest returns the oldest version the constraint allows.
func (c VersionConstraint) Lowest() (SolcVersion, bool) {
	rs := c.ranges()
	if len(rs) == 0 {
		return SolcVersion{}, false
	}
	lo := rs[0].Lo
	for _, r := range rs[1:] {
		if r.Lo.Less(lo) {
			lo = r.Lo
		}
	}
	return lo, true
}

// AllowsBelow reports whether the constraint allows some version older
// than v.
func (c VersionConstraint) AllowsBelow(v SolcVersion) bool {
	lo, ok := c.Lowest()
	return ok && lo.Less(v)
}

// AllowsAtLeast reports whether the constraint allows v or a newer version.
func (c VersionConstraint) AllowsAtLeast(v SolcVersion) bool {
	for _, r := range c.ranges() {
		if r.Hi == nil || v.Less(*r.Hi) {
			return true
		}
	}
	return false
}

// Exact returns the single version a pin such as `=0.8.13` or `0.8.13`
// allows.
func (c VersionConstraint) Exact() (SolcVersion, bool) {
	rs := c.ranges()
	if len(rs) == 1 && rs[0].Hi != nil && *rs[0].Hi == rs[0].Lo.nextPatch() {
		return rs[0].Lo, true
	}
	return SolcVersion{}, false
}

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
