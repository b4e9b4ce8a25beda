package analyzers

// MisnamedConstructor flags pre-0.5 functions meant as constructors that
// the compiler treats as ordinary public functions.
var MisnamedConstructor = &Analyzer{
	ID:         "misnamed-constructor",
	Title:      "Function meant as constructor is publicly callable",
	Severity:   High,
	Confidence: ConfidenceHigh,
	Category:   CatAccessControl,
	SWC:        "SWC-118",
	CWE:        []string{"CWE-665"},
	Description: "Before Solidity 0.4.22 a constructor is the function named exactly like its contract. A " +
		"function whose name differs only in case or by a typo (`function Owned()` in `contract owned`), " +
		"one left with an old name after the contract was renamed (Rubixi's `DynamicPyramid`), or one " +
		"declared as `function constructor()` is an ordinary public function: it never ran at deployment " +
		"and anyone can call it to make themselves the owner.",
	Exploit: "Rubixi was renamed from DynamicPyramid but kept `function DynamicPyramid() { creator = msg.sender; }`. " +
		"Anyone called it, became the creator and collected the fees.",
	Recommendation: "Use the `constructor` keyword (Solidity 0.4.22 and later) and a current compiler; " +
		"compilers since 0.5 reject functions named like their contract.",
	Run: runMisnamedConstructor,
}

func init() { registry = append(registry, MisnamedConstructor) }

func runMisnamedConstructor(p *Pass) {
	for _, c := range p.Contracts() {
		for _, d := range c.Def.Functions {
			f := p.Program.FunctionOf(d)
			if f == nil {
				continue
			}
			why := axsMisnamedConstructor(p, c, f)
			if why == "" {
				continue
			}
			// A caller check inside means it is not a constructor attempt.
			if p.Walk(c, f, FlowVisitor{}).Guarded {
				continue
			}
			p.Report(Report{At: d.Name, Function: d, Contract: c.Def,
				Message: c.Name() + "." + FunctionSignature(d) + " " + why + "; anyone can call it"})
		}
	}
}
