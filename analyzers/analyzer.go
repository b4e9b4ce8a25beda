package analyzers

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/sleuth-sec/sleuth/parser/ast"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// Analyzer is one detector: a value with its identity, its documentation
// and a Run function, in the manner of golang.org/x/tools/go/analysis. The
// docs are Markdown and are reused by SARIF rules, the Markdown report,
// `sleuth explain` and LLM prompts.
type Analyzer struct {
	// ID is the detector id: Slither's where Slither has the concept
	// ("reentrancy-eth"), otherwise a new kebab-case id.
	ID         string
	Title      string
	Severity   Severity
	Confidence Confidence
	Category   Category
	SWC        string   // "SWC-107" or ""
	CWE        []string // "CWE-841", …

	// Description says what the detector looks for and why it matters.
	Description string
	// Exploit is a concrete attack scenario.
	Exploit string
	// Recommendation says how to fix the code.
	Recommendation string

	// Run inspects the program and reports through the pass.
	Run func(*Pass)
}

// Report is what a detector says about one problem; Pass.Report turns it
// into a Finding with the detector's metadata and a fingerprint.
type Report struct {
	// At is the dangerous operation or root cause itself: the external
	// call, the selfdestruct, the tx.origin comparison.
	At      ast.Node
	Message string
	// Related names the other statements involved.
	Related []RelatedNode
	// Contract and Function are the enclosing declarations, if any.
	Contract *ast.ContractDefinition
	Function *ast.FunctionDefinition
	// Severity and Confidence override the detector's defaults when set.
	Severity   Severity
	Confidence Confidence
}

// RelatedNode is a related location given as a node.
type RelatedNode struct {
	At      ast.Node
	Message string
}

// FunctionSignature renders "withdraw(uint256)" for messages and
// locations; parameter types are printed as written, canonicalised for
// elementary types.
func FunctionSignature(f *ast.FunctionDefinition) string {
	if f == nil {
		return ""
	}
	var params []string
	for _, p := range f.Params {
		params = append(params, TypeString(p.Type))
	}
	return f.DisplayName() + "(" + strings.Join(params, ",") + ")"
}

// TypeString renders a type name compactly: uint256, address, mapping(address => uint256), T[].
func TypeString(t ast.TypeName) string {
	switch x := t.(type) {
	case *ast.ElementaryTypeName:
		return x.Canonical()
	case *ast.UserDefinedTypeName:
		return x.Path.String()
	case *ast.ArrayTypeName:
		n := ""
		if x.Length != nil {
			n = strings.TrimSpace(x.Length.Span().Text())
		}
		return TypeString(x.Elem) + "[" + n + "]"
	case *ast.MappingTypeName:
		return "mapping(" + TypeString(x.Key) + " => " + TypeString(x.Value) + ")"
	case *ast.FunctionTypeName:
		return "function"
	}
	return "?"
}

// Fingerprint computes a finding's stable id from the detector, the file,
// the enclosing declarations and the normalised text of the flagged code.
// Line numbers are deliberately left out, so inserting lines above a
// finding keeps its id; occurrence disambiguates identical code in one
// function.
func Fingerprint(detector, file, contract, function, code string, occurrence int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%d", detector, file, contract, function, normaliseCode(code), occurrence)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// normaliseCode removes all whitespace, so reformatting does not change ids.
func normaliseCode(code string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, code)
}

// AssignIDs fills Finding.ID for findings that lack one. Findings whose
// fingerprint inputs coincide are numbered in source order.
func AssignIDs(findings []Finding, codeOf func(Location) string) {
	sort.SliceStable(findings, func(i, j int) bool { return lessLocation(findings[i], findings[j]) })
	seen := map[string]int{}
	for i := range findings {
		f := &findings[i]
		if f.ID != "" {
			continue
		}
		code := codeOf(f.Location)
		key := f.Detector + "\x00" + f.Location.File + "\x00" + f.Location.Contract + "\x00" + f.Location.Function + "\x00" + normaliseCode(code)
		n := seen[key]
		seen[key] = n + 1
		f.ID = Fingerprint(f.Detector, f.Location.File, f.Location.Contract, f.Location.Function, code, n)
	}
}

func lessLocation(a, b Finding) bool {
	if a.Location.File != b.Location.File {
		return a.Location.File < b.Location.File
	}
	if a.Location.StartLine != b.Location.StartLine {
		return a.Location.StartLine < b.Location.StartLine
	}
	if a.Location.StartColumn != b.Location.StartColumn {
		return a.Location.StartColumn < b.Location.StartColumn
	}
	return a.Detector < b.Detector
}

// SpanCode returns the source text of a span, for fingerprints.
func SpanCode(s source.Span) string { return s.Text() }
