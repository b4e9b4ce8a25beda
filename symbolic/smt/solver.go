package smt

import (
	"context"

	"github.com/holiman/uint256"
)

// Result is a satisfiability answer.
type Result int

const (
	Unknown Result = iota
	Sat
	Unsat
)

func (r Result) String() string {
	switch r {
	case Sat:
		return "sat"
	case Unsat:
		return "unsat"
	}
	return "unknown"
}

// Solver is an incremental SMT solver. Another solver (cvc5, bitwuzla, an
// in-process one) can take z3's place by implementing it.
type Solver interface {
	// Push opens an assertion scope; Pop discards the innermost one.
	Push() error
	Pop() error
	// Assert adds a boolean term to the current scope.
	Assert(t *Term) error
	// Check decides the conjunction of the assertions. A context deadline or
	// the solver's own timeout gives Unknown, not an error.
	Check(ctx context.Context) (Result, error)
	// CheckAssuming decides the assertions together with the boolean
	// assumptions, which are not kept afterwards (check-sat-assuming).
	CheckAssuming(ctx context.Context, assumptions ...*Term) (Result, error)
	// Values returns the model's value of each bit-vector or boolean term
	// (booleans as 0/1) after a Sat check.
	Values(ts ...*Term) ([]*uint256.Int, error)
	// Close releases the solver.
	Close() error
}
