package analyzers

import (
	"fmt"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/ast"
)

// SolcVersion flags version pragmas that allow compilers that are too old,
// that have known severe bugs, or that are too complex to tell which
// compiler will be used.
var SolcVersionCheck = &Analyzer{
	ID:         "solc-version",
	Title:      "Outdated, buggy or overly broad Solidity version pragma",
	Severity:   Info,
	Confidence: ConfidenceHigh,
	Category:   CatCodeQuality,
	SWC:        "SWC-102",
	CWE:        []string{"CWE-937"},
	Description: "The `pragma solidity` line decides which compilers may build the code. A pragma " +
		"that admits compilers older than 0.8.0 gives up checked arithmetic and many later " +
		"safety checks; one that pins a release with a known severe code-generation bug, or " +
		"names one of 0.8.13–0.8.16 as its lower bound (those had optimizer and ABI " +
		"re-encoding bugs that silently drop or corrupt writes), may build incorrect bytecode; and a range spanning several breaking releases " +
		"(`>=0.4.0 <0.9.0`) means the same source has different semantics depending on which " +
		"compiler a build picks. Interface-only files, which produce no bytecode, are not flagged " +
		"for admitting old compilers.",
	Exploit: "A library written with `pragma solidity >=0.5.0;` relies on 0.8 overflow checks " +
		"in a `balance - amount` expression. A downstream project compiles it with 0.7.6: the " +
		"subtraction wraps around instead of reverting, and an attacker withdraws more than " +
		"their balance.",
	Recommendation: "Pin or caret-constrain a recent compiler without known severe issues " +
		"(`pragma solidity ^0.8.24;` or `=0.8.26` for deployable contracts), keep one simple " +
		"constraint per file, and test with the compiler you deploy with. See " +
		"https://docs.soliditylang.org/en/latest/bugs.html for the bug list.",
	Run: runSolcVersion,
}

func init() { registry = append(registry, SolcVersionCheck) }

// solcBug is a known compiler bug of medium or higher severity, with the
// releases it affects.
type solcBug struct {
	name     string
	from, to SolcVersion // inclusive
	what     string
}

// knownSolcBugs lists the severe bugs from the compiler's bug list
// (docs.soliditylang.org/en/latest/bugs.html) that matter for 0.7/0.8
// code; older releases are flagged as outdated anyway.
var knownSolcBugs = []solcBug{
	{"StorageWriteRemovalBeforeConditionalTermination", SolcVersion{Major: 0, Minor: 8, Patch: 13}, SolcVersion{Major: 0, Minor: 8, Patch: 16},
		"storage writes before a call to a function that conditionally stops with assembly return()/stop() may be removed"},
	{"InlineAssemblyMemorySideEffects", SolcVersion{Major: 0, Minor: 8, Patch: 13}, SolcVersion{Major: 0, Minor: 8, Patch: 14},
		"memory writes in inline assembly may be removed when the memory is not read in the same block"},
	{"AbiReencodingHeadOverflowWithStaticArrayCleanup", SolcVersion{Major: 0, Minor: 5, Patch: 8}, SolcVersion{Major: 0, Minor: 8, Patch: 15},
		"ABI re-encoding a calldata tuple ending in a static uint/bytes32 array may corrupt the previous component"},
	{"KeccakCaching", SolcVersion{Major: 0, Minor: 1, Patch: 0}, SolcVersion{Major: 0, Minor: 8, Patch: 2},
		"the optimizer may reuse a keccak256 of memory for a different length after inline assembly"},
}

// buggySeriesFrom..buggySeriesTo are the releases a caret or lower bound
// is flagged for naming.
var buggySeriesFrom, buggySeriesTo = SolcVersion{Major: 0, Minor: 8, Patch: 13}, SolcVersion{Major: 0, Minor: 8, Patch: 16}

// minRecommendedSolc is the oldest compiler not flagged as outdated.
var minRecommendedSolc = SolcVersion{Major: 0, Minor: 8, Patch: 0}

func runSolcVersion(p *Pass) {
	for _, u := range p.Program.Units {
		if !u.InScope || u.AST == nil {
			continue
		}
		codeless := unitInterfaceOnly(u.AST)
		for _, pr := range u.AST.Pragmas {
			if pr.Name != "solidity" {
				continue
			}
			c, ok := ParseVersionConstraint(pr.Value)
			if !ok {
				continue
			}
			if reasons := solcVersionReasons(c, codeless); len(reasons) > 0 {
				p.Report(Report{At: pr, Message: "pragma solidity " + c.Raw + ": " + strings.Join(reasons, "; ")})
			}
		}
	}
}

func solcVersionReasons(c VersionConstraint, codeless bool) []string {
	var reasons []string
	lo, ok := c.Lowest()
	if !ok {
		return []string{"no compiler version satisfies the constraint"}
	}
	written := c.Sets[0][0]
	// Too complex: alternatives, more than a lower and an upper bound,
	// only an upper bound, or a range over several breaking releases.
	complex := ""
	switch {
	case len(c.Sets) > 1:
		complex = "is too complex: it uses || alternatives"
	case len(c.Sets[0]) > 2:
		complex = "is too complex: it combines more than two version bounds"
	case len(c.Sets[0]) == 1 && (written.Op == "<" || written.Op == "<="):
		complex = "is too complex: it has only an upper bound"
	case len(c.Sets[0]) == 2:
		for _, r := range c.Ranges() {
			if r.Hi != nil && r.Lo.NextMinor().Less(*r.Hi) {
				last := *r.Hi
				complex = fmt.Sprintf("is too complex: it spans several breaking releases (%d.%d to below %d.%d.%d)",
					r.Lo.Major, r.Lo.Minor, last.Major, last.Minor, last.Patch)
			}
		}
	}
	if complex != "" {
		reasons = append(reasons, complex)
	}
	pinned, isPinned := c.Exact()
	if lo.Less(minRecommendedSolc) && !codeless {
		verb := "allows"
		if isPinned {
			verb = "pins"
		}
		reasons = append(reasons, fmt.Sprintf("%s solc %s, older than %s (no checked arithmetic, fewer safety checks)",
			verb, lo, minRecommendedSolc))
	}
	// Known-buggy releases: a pinned one, or one a caret or lower bound
	// names from the 0.8.13–0.8.16 series (the code was likely developed
	// and tested with it). Broader ranges such as ^0.8.0 are usually built
	// with a newer compiler and are not flagged for bugs of 0.8.0.
	named, verb := lo, "allows"
	if isPinned {
		named, verb = pinned, "pins"
	}
	if named.Less(minRecommendedSolc) || (codeless && !isPinned) {
		return reasons // outdated already, or nothing compiled here
	}
	if !isPinned && (named.Less(buggySeriesFrom) || buggySeriesTo.Less(named)) {
		return reasons
	}
	var bugs []string
	for _, b := range knownSolcBugs {
		if !named.Less(b.from) && !b.to.Less(named) {
			bugs = append(bugs, b.name+" ("+b.what+")")
		}
	}
	if len(bugs) > 0 {
		reasons = append(reasons, fmt.Sprintf("%s solc %s, which has known severe bugs: %s", verb, named, strings.Join(bugs, ", ")))
	}
	return reasons
}

// unitInterfaceOnly reports files that declare only interfaces (and types,
// events, errors and constants): they produce no bytecode of their own.
func unitInterfaceOnly(u *ast.SourceUnit) bool {
	for _, n := range u.Nodes {
		switch d := n.(type) {
		case *ast.ContractDefinition:
			if d.Kind != ast.KindInterface {
				return false
			}
		case *ast.FunctionDefinition:
			return false
		}
	}
	return true
}
