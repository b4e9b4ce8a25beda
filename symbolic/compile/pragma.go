package compile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/solcversion"
)

// Version is a compiler version, major.minor.patch.
type Version = solcversion.Version

// ParseVersion reads "0.8.28", "v0.8.28" or "0.8.28+commit.7893614a…".
func ParseVersion(s string) (Version, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexAny(s, "+-"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return Version{}, fmt.Errorf("version %q: want major.minor.patch", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Version{}, fmt.Errorf("version %q: %q is not a number", s, p)
		}
		n[i] = v
	}
	return Version{Major: n[0], Minor: n[1], Patch: n[2]}, nil
}

// Constraint is a parsed `pragma solidity` value: alternatives (||) of
// conjunctions of comparisons, with npm-semver meaning, which is what solc
// implements (^, ~, partial versions, x wildcards, hyphen ranges).
type Constraint struct {
	text string
	alts [][]comparison
}

type comparison struct {
	op string // one of >= > <= < =
	v  Version
}

func (c Constraint) String() string { return c.text }

// Allows reports whether v satisfies the constraint.
func (c Constraint) Allows(v Version) bool {
	for _, alt := range c.alts {
		ok := true
		for _, cmp := range alt {
			if !cmp.allows(v) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func (c comparison) allows(v Version) bool {
	switch c.op {
	case ">=":
		return !v.Less(c.v)
	case ">":
		return c.v.Less(v)
	case "<=":
		return !c.v.Less(v)
	case "<":
		return v.Less(c.v)
	default:
		return v == c.v
	}
}

// partial is a version with 0 to 3 of its parts given ("0.8", "0.8.x", "*").
type partial struct {
	v Version
	n int // parts given
}

func parsePartial(s string) (partial, error) {
	s = strings.TrimPrefix(s, "v")
	if i := strings.IndexAny(s, "+"); i >= 0 {
		s = s[:i]
	}
	if s == "" || s == "*" || s == "x" || s == "X" {
		return partial{}, nil
	}
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return partial{}, fmt.Errorf("%q: too many parts", s)
	}
	var p partial
	for i, part := range parts {
		if part == "*" || part == "x" || part == "X" {
			break
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 {
			return partial{}, fmt.Errorf("%q: %q is not a number", s, part)
		}
		switch i {
		case 0:
			p.v.Major = n
		case 1:
			p.v.Minor = n
		case 2:
			p.v.Patch = n
		}
		p.n = i + 1
	}
	return p, nil
}

// next returns the smallest version above every version p covers.
func (p partial) next() Version {
	switch p.n {
	case 1:
		return Version{Major: p.v.Major + 1, Minor: 0, Patch: 0}
	case 2:
		return Version{Major: p.v.Major, Minor: p.v.Minor + 1, Patch: 0}
	default:
		return Version{Major: p.v.Major, Minor: p.v.Minor, Patch: p.v.Patch + 1}
	}
}

// ParseConstraint parses a pragma value such as "^0.4.24", ">=0.5.0 <0.7.0",
// "0.8.x", ">0.4.99 <0.6" or "0.4.20 - 0.4.26 || ^0.5.0".
func ParseConstraint(s string) (Constraint, error) {
	c := Constraint{text: strings.TrimSpace(s)}
	for _, alt := range strings.Split(s, "||") {
		cmps, err := parseRange(alt)
		if err != nil {
			return Constraint{}, fmt.Errorf("pragma solidity %q: %v", c.text, err)
		}
		c.alts = append(c.alts, cmps)
	}
	return c, nil
}

func parseRange(s string) ([]comparison, error) {
	fields := strings.Fields(s)
	// Glue operators written apart from their version: ">= 0.5.0".
	var toks []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if strings.Trim(f, "<>=^~") == "" && f != "-" && i+1 < len(fields) {
			f += fields[i+1]
			i++
		}
		toks = append(toks, f)
	}
	if len(toks) == 3 && toks[1] == "-" {
		lo, err := parsePartial(toks[0])
		if err != nil {
			return nil, err
		}
		hi, err := parsePartial(toks[2])
		if err != nil {
			return nil, err
		}
		out := []comparison{{">=", lo.v}}
		if hi.n == 3 {
			out = append(out, comparison{"<=", hi.v})
		} else if hi.n > 0 {
			out = append(out, comparison{"<", hi.next()})
		}
		return out, nil
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty range")
	}
	var out []comparison
	for _, t := range toks {
		cmps, err := parseComparator(t)
		if err != nil {
			return nil, err
		}
		out = append(out, cmps...)
	}
	return out, nil
}

func parseComparator(t string) ([]comparison, error) {
	op := ""
	for _, o := range []string{">=", "<=", ">", "<", "=", "^", "~"} {
		if strings.HasPrefix(t, o) {
			op = o
			break
		}
	}
	p, err := parsePartial(strings.TrimPrefix(t, op))
	if err != nil {
		return nil, err
	}
	if p.n == 0 { // "*", ">=*"…: anything
		if op == "<" || op == ">" {
			return nil, fmt.Errorf("%q matches nothing", t)
		}
		return nil, nil
	}
	switch op {
	case "^":
		// The leftmost non-zero part must stay the same.
		var hi Version
		switch {
		case p.v.Major > 0 || p.n == 1:
			hi = Version{Major: p.v.Major + 1, Minor: 0, Patch: 0}
		case p.v.Minor > 0 || p.n == 2:
			hi = Version{Major: 0, Minor: p.v.Minor + 1, Patch: 0}
		default:
			hi = Version{Major: 0, Minor: 0, Patch: p.v.Patch + 1}
		}
		return []comparison{{">=", p.v}, {"<", hi}}, nil
	case "~":
		hi := Version{Major: p.v.Major, Minor: p.v.Minor + 1, Patch: 0}
		if p.n == 1 {
			hi = Version{Major: p.v.Major + 1, Minor: 0, Patch: 0}
		}
		return []comparison{{">=", p.v}, {"<", hi}}, nil
	case ">=":
		return []comparison{{">=", p.v}}, nil
	case ">":
		if p.n < 3 {
			return []comparison{{">=", p.next()}}, nil
		}
		return []comparison{{">", p.v}}, nil
	case "<=":
		if p.n < 3 {
			return []comparison{{"<", p.next()}}, nil
		}
		return []comparison{{"<=", p.v}}, nil
	case "<":
		return []comparison{{"<", p.v}}, nil
	default: // "=" or none
		if p.n < 3 {
			return []comparison{{">=", p.v}, {"<", p.next()}}, nil
		}
		return []comparison{{"=", p.v}}, nil
	}
}
