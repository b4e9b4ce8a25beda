package smt

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/holiman/uint256"
)

// sexp is a parsed S-expression: an atom or a list.
type sexp struct {
	atom string
	list []sexp
	isL  bool
}

// parseSexp parses one S-expression from s.
func parseSexp(s string) (sexp, error) {
	e, rest, err := parseOne(strings.TrimSpace(s))
	if err != nil {
		return sexp{}, err
	}
	if strings.TrimSpace(rest) != "" {
		return sexp{}, fmt.Errorf("smt: trailing text after s-expression: %.40q", rest)
	}
	return e, nil
}

func parseOne(s string) (sexp, string, error) {
	s = strings.TrimLeft(s, " \t\r\n")
	if s == "" {
		return sexp{}, "", fmt.Errorf("smt: unexpected end of s-expression")
	}
	switch s[0] {
	case '(':
		var l []sexp
		s = s[1:]
		for {
			s = strings.TrimLeft(s, " \t\r\n")
			if s == "" {
				return sexp{}, "", fmt.Errorf("smt: unbalanced parentheses")
			}
			if s[0] == ')' {
				return sexp{list: l, isL: true}, s[1:], nil
			}
			e, rest, err := parseOne(s)
			if err != nil {
				return sexp{}, "", err
			}
			l = append(l, e)
			s = rest
		}
	case ')':
		return sexp{}, "", fmt.Errorf("smt: unexpected ')'")
	case '|':
		end := strings.IndexByte(s[1:], '|')
		if end < 0 {
			return sexp{}, "", fmt.Errorf("smt: unterminated quoted symbol")
		}
		return sexp{atom: s[:end+2]}, s[end+2:], nil
	case '"':
		i := 1
		for i < len(s) {
			if s[i] == '"' {
				if i+1 < len(s) && s[i+1] == '"' {
					i += 2
					continue
				}
				return sexp{atom: s[:i+1]}, s[i+1:], nil
			}
			i++
		}
		return sexp{}, "", fmt.Errorf("smt: unterminated string")
	}
	i := strings.IndexAny(s, " \t\r\n()")
	if i < 0 {
		i = len(s)
	}
	return sexp{atom: s[:i]}, s[i:], nil
}

// value converts a model value (#x…, #b…, (_ bvN W), true, false) to an
// integer.
func (e sexp) value() (*uint256.Int, error) {
	if e.isL {
		if len(e.list) == 3 && e.list[0].atom == "_" && strings.HasPrefix(e.list[1].atom, "bv") {
			b, ok := new(big.Int).SetString(e.list[1].atom[2:], 10)
			if !ok {
				return nil, fmt.Errorf("smt: bad value %s", e.list[1].atom)
			}
			v, overflow := uint256.FromBig(b)
			if overflow {
				return nil, fmt.Errorf("smt: value wider than 256 bits")
			}
			return v, nil
		}
		return nil, fmt.Errorf("smt: unexpected model value")
	}
	a := e.atom
	switch {
	case a == "true":
		return uint256.NewInt(1), nil
	case a == "false":
		return uint256.NewInt(0), nil
	case strings.HasPrefix(a, "#x"), strings.HasPrefix(a, "#b"):
		base := 16
		if a[1] == 'b' {
			base = 2
		}
		b, ok := new(big.Int).SetString(a[2:], base)
		if !ok {
			return nil, fmt.Errorf("smt: bad value %q", a)
		}
		v, overflow := uint256.FromBig(b)
		if overflow {
			return nil, fmt.Errorf("smt: value wider than 256 bits")
		}
		return v, nil
	}
	return nil, fmt.Errorf("smt: unexpected model value %q", a)
}
