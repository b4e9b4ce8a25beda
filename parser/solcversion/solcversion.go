// Package solcversion reads `pragma solidity` constraints as the sets of
// compiler versions they allow: the parser asks which words a file's
// compiler reserved, detectors whose verdict depends on the language
// version ask the rest.
package solcversion

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Version is a compiler version major.minor.patch.
type Version struct{ Major, Minor, Patch int }

// Less orders versions.
func (v Version) Less(o Version) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor < o.Minor
	}
	return v.Patch < o.Patch
}

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

func (v Version) nextPatch() Version { return Version{v.Major, v.Minor, v.Patch + 1} }
func (v Version) NextMinor() Version { return Version{v.Major, v.Minor + 1, 0} }
func (v Version) nextMajor() Version { return Version{v.Major + 1, 0, 0} }

// Range is the half-open range [Lo, Hi) of versions; Hi is nil for
// no upper bound.
type Range struct {
	Lo Version
	Hi *Version
}

func (r Range) empty() bool { return r.Hi != nil && !r.Lo.Less(*r.Hi) }

func (r Range) intersect(o Range) Range {
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

// Comparator is one term of a constraint: `^0.8.0`, `>=0.4.22`.
type Comparator struct {
	Op      string // "^", "~", ">=", ">", "<=", "<", "=" or "" (exact)
	Version Version
	// Parts is how many components were written (0.8 has 2).
	Parts int
}

// Constraint is a parsed version pragma: alternatives (||) of
// conjunctions of comparators.
type Constraint struct {
	Raw  string
	Sets [][]Comparator
}

var comparatorRE = regexp.MustCompile(`(\^|~|>=|<=|>|<|=)?\s*v?(\d+)(?:\.(\d+|x|X|\*))?(?:\.(\d+|x|X|\*))?`)

// Parse parses the value of `pragma solidity …`. It
// reports false when no version could be read.
func Parse(s string) (Constraint, bool) {
	c := Constraint{Raw: strings.TrimSpace(s)}
	for _, alt := range strings.Split(s, "||") {
		var set []Comparator
		for _, m := range comparatorRE.FindAllStringSubmatch(alt, -1) {
			vc := Comparator{Op: m[1], Parts: 1}
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

func (vc Comparator) rng() Range {
	v := vc.Version
	switch vc.Op {
	case "^":
		switch {
		case v.Major > 0 || vc.Parts == 1:
			h := v.nextMajor()
			return Range{v, &h}
		case v.Minor > 0 || vc.Parts == 2:
			h := v.NextMinor()
			return Range{v, &h}
		default:
			h := v.nextPatch()
			return Range{v, &h}
		}
	case "~":
		h := v.NextMinor()
		if vc.Parts == 1 {
			h = v.nextMajor()
		}
		return Range{v, &h}
	case ">=":
		return Range{Lo: v}
	case ">":
		switch vc.Parts {
		case 1:
			return Range{Lo: v.nextMajor()}
		case 2:
			return Range{Lo: v.NextMinor()}
		}
		return Range{Lo: v.nextPatch()}
	case "<":
		return Range{Hi: &v}
	case "<=":
		h := vc.past()
		return Range{Hi: &h}
	}
	// exact, possibly partial: 0.8 is any 0.8.x
	h := vc.past()
	return Range{v, &h}
}

// past is the first version after every one the comparator's version, as
// written, names: 0.8 names all of 0.8.x.
func (vc Comparator) past() Version {
	switch vc.Parts {
	case 1:
		return vc.Version.nextMajor()
	case 2:
		return vc.Version.NextMinor()
	}
	return vc.Version.nextPatch()
}

// Ranges returns the non-empty version ranges the constraint allows.
func (c Constraint) Ranges() []Range {
	var out []Range
	for _, set := range c.Sets {
		r := Range{}
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
func (c Constraint) Lowest() (Version, bool) {
	rs := c.Ranges()
	if len(rs) == 0 {
		return Version{}, false
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
func (c Constraint) AllowsBelow(v Version) bool {
	lo, ok := c.Lowest()
	return ok && lo.Less(v)
}

// AllowsAtLeast reports whether the constraint allows v or a newer version.
func (c Constraint) AllowsAtLeast(v Version) bool {
	for _, r := range c.Ranges() {
		if r.Hi == nil || v.Less(*r.Hi) {
			return true
		}
	}
	return false
}

// Exact returns the single version a pin such as `=0.8.13` or `0.8.13`
// allows.
func (c Constraint) Exact() (Version, bool) {
	rs := c.Ranges()
	if len(rs) == 1 && rs[0].Hi != nil && *rs[0].Hi == rs[0].Lo.nextPatch() {
		return rs[0].Lo, true
	}
	return Version{}, false
}
