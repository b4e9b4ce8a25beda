package analyzers

import (
	"regexp"

	"github.com/sleuth-sec/sleuth/analyzers/sema"
	"github.com/sleuth-sec/sleuth/parser/ast"
)

// DeprecatedStandards flags language features that were deprecated and
// later removed, each with its modern replacement.
var DeprecatedStandards = &Analyzer{
	ID:         "deprecated-standards",
	Title:      "Deprecated Solidity construct",
	Severity:   Info,
	Confidence: ConfidenceHigh,
	Category:   CatCodeQuality,
	SWC:        "SWC-111",
	CWE:        []string{"CWE-477"},
	Description: "Solidity removed a number of constructs over the 0.4–0.8 releases: `suicide`, " +
		"`sha3`, `callcode`, `throw`, `now`, `block.blockhash`, `msg.gas`, `var`, `constant` " +
		"functions, the `years` unit, `.value()`/`.gas()` call modifiers, constructors named " +
		"after the contract and events fired without `emit`; `block.difficulty` means " +
		"`prevrandao` since the Merge. Code using them only builds with old, buggy compilers, " +
		"and some carry real hazards: `years` ignores leap years, `callcode` runs foreign code " +
		"with a confusing `msg.sender`, a misspelled legacy constructor becomes a public function " +
		"anyone can call.",
	Exploit: "A wallet declares its legacy constructor `function Wallet()` but the contract is " +
		"later renamed `MyWallet`: the former constructor is now a public function, and an " +
		"attacker calls it to make themselves the owner (the Rubixi bug). Likewise `1 years` " +
		"is 365 days, so a vesting schedule written in years unlocks early in leap years.",
	Recommendation: "Replace each construct with its successor — `selfdestruct`, `keccak256`, " +
		"`delegatecall`, `revert()`, `block.timestamp`, `blockhash()`, `gasleft()`, explicit " +
		"types, `view`/`pure`, explicit day counts, `{value: …, gas: …}`, the `constructor` " +
		"keyword, `emit`, `block.prevrandao` — and move to a current 0.8 compiler.",
	Run: runDeprecatedStandards,
}

func init() { registry = append(registry, DeprecatedStandards) }

var constantKeywordRE = regexp.MustCompile(`\bconstant\b`)

func runDeprecatedStandards(p *Pass) {
	prog := p.Program
	// block.difficulty is deprecated only where block.prevrandao exists.
	modern := false
	check := func(root ast.Node, c *ast.ContractDefinition, fn *ast.FunctionDefinition) {
		report := func(at ast.Node, msg string) {
			p.Report(Report{At: at, Message: msg, Contract: c, Function: fn})
		}
		emitted := map[*ast.FunctionCall]bool{}
		ast.Inspect(root, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Identifier:
				switch prog.Ref(x) {
				case sema.Builtin("suicide"):
					report(x, "suicide is deprecated: use selfdestruct")
				case sema.Builtin("sha3"):
					report(x, "sha3 is deprecated: use keccak256")
				case sema.Builtin("now"):
					report(x, "now is deprecated (removed in 0.7): use block.timestamp")
				}
			case *ast.MemberAccess:
				if id, ok := x.X.(*ast.Identifier); ok {
					switch {
					case prog.Ref(id) == sema.Builtin("block") && x.Member.Name == "blockhash":
						report(x, "block.blockhash is deprecated: use blockhash()")
					case prog.Ref(id) == sema.Builtin("block") && x.Member.Name == "difficulty" && modern:
						report(x, "block.difficulty is deprecated (0.8.18): since the Merge it returns block.prevrandao; use block.prevrandao")
					case prog.Ref(id) == sema.Builtin("msg") && x.Member.Name == "gas":
						report(x, "msg.gas is deprecated: use gasleft()")
					}
				}
			case *ast.ThrowStatement:
				report(x, "throw is deprecated: use revert() (or require/assert)")
			case *ast.VariableDeclarationStatement:
				for _, d := range x.Decls {
					if d != nil && d.Type == nil {
						report(x, "var is deprecated: declare the variable with an explicit type")
						break
					}
				}
			case *ast.Literal:
				if x.Unit == "years" {
					report(x, "the years unit is deprecated (it ignores leap years): use an explicit number of days")
				}
			case *ast.EmitStatement:
				if x.Call != nil {
					emitted[x.Call] = true
				}
			case *ast.FunctionCall:
				call := prog.CallOf(x)
				if call == nil {
					return true
				}
				switch {
				case call.Kind == sema.CallOption:
					if m, ok := x.Fn.(*ast.MemberAccess); ok {
						report(x, "."+m.Member.Name+"(…) is deprecated: use the call option {"+m.Member.Name+": …}")
					}
				case call.Kind == sema.CallLowLevel && call.Name == "callcode":
					report(x, "callcode is deprecated: use delegatecall")
				case call.Kind == sema.CallEvent && !emitted[x]:
					report(x, "event invoked without emit (deprecated since 0.4.21): use emit "+x.Fn.Span().Text()+"(…)")
				}
			}
			return true
		})
	}
	for _, c := range p.Contracts() {
		modern = allowsPrevrandao(c.Def.Source)
		for _, n := range c.Def.Nodes {
			switch d := n.(type) {
			case *ast.FunctionDefinition:
				if d.LegacyConstructor {
					p.Report(Report{At: d.Name, Contract: c.Def, Function: d,
						Message: "constructor named after the contract is deprecated: use the constructor keyword (a renamed contract turns it into a public function)"})
				}
				if d.Mutability == "constant" {
					if kw := constantKeyword(d); kw != nil {
						p.Report(Report{At: kw, Contract: c.Def, Function: d,
							Message: "constant functions are deprecated: use view (or pure)"})
					}
				}
				check(d, c.Def, d)
			default:
				check(n, c.Def, nil)
			}
		}
	}
	for _, u := range p.Program.Units {
		if !u.InScope {
			continue
		}
		modern = allowsPrevrandao(u.AST)
		for _, n := range u.AST.Nodes {
			if _, ok := n.(*ast.ContractDefinition); ok {
				continue
			}
			fn, _ := n.(*ast.FunctionDefinition)
			check(n, nil, fn)
		}
	}
}

// constantKeyword locates the `constant` keyword in a function header.
func constantKeyword(f *ast.FunctionDefinition) ast.Node {
	file := f.Src.File
	if file == nil {
		return nil
	}
	start := f.Src.Start.Offset
	if n := len(f.Params); n > 0 {
		start = f.Params[n-1].Src.End.Offset
	}
	end := f.Src.End.Offset
	if f.Body != nil {
		end = f.Body.Src.Start.Offset
	} else if len(f.Returns) > 0 {
		end = f.Returns[0].Src.Start.Offset
	}
	if start < 0 || end > len(file.Content) || start >= end {
		return nil
	}
	loc := constantKeywordRE.FindIndex(file.Content[start:end])
	if loc == nil {
		return f.Name
	}
	return SpanNode{Src: file.Span(start+loc[0], start+loc[1])}
}

// allowsPrevrandao reports files that may be built with 0.8.18 or newer,
// where block.prevrandao replaces block.difficulty.
func allowsPrevrandao(u *ast.SourceUnit) bool {
	_, c, ok := SolidityPragma(u)
	return !ok || c.AllowsAtLeast(SolcVersion{Major: 0, Minor: 8, Patch: 18})
}
