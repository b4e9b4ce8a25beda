package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// fakeRegistry replaces the detector registry for one test.
func fakeRegistry(t *testing.T, list ...*analyzers.Analyzer) {
	t.Helper()
	old, oldEngine := registered, engineDetectors
	registered = func() []*analyzers.Analyzer { return list }
	engineDetectors = func() []*analyzers.Analyzer { return nil }
	t.Cleanup(func() { registered, engineDetectors = old, oldEngine })
}

var (
	reentrancyEth = &analyzers.Analyzer{ID: "reentrancy-eth", Title: "Reentrancy with ether", Severity: analyzers.High,
		Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatReentrancy, SWC: "SWC-107", CWE: []string{"CWE-841"},
		Description: "State written after a call.", Exploit: "Re-enter.", Recommendation: "Write state first. Or guard."}
	txOrigin = &analyzers.Analyzer{ID: "tx-origin", Title: "tx.origin authorization", Severity: analyzers.Medium,
		Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatTxOrigin, Description: "Uses tx.origin."}
	timestamp = &analyzers.Analyzer{ID: "timestamp", Title: "Block timestamp", Severity: analyzers.Low,
		Confidence: analyzers.ConfidenceLow, Category: analyzers.CatTimeManipulation}
)

// fakeDetect replaces the detection stage: report returns the findings of
// one detector on the loaded project. The stage passes only the detectors
// that were selected, as analyzers.Run would.
func fakeDetect(t *testing.T, report func(p *parser.Project, id string) []analyzers.Finding) *[]string {
	t.Helper()
	var ran []string
	old := detect
	detect = func(p *parser.Project, list []*analyzers.Analyzer) ([]analyzers.Finding, []source.Diagnostic) {
		ran = ran[:0]
		var out []analyzers.Finding
		for _, a := range list {
			ran = append(ran, a.ID)
			for _, f := range report(p, a.ID) {
				f.Detector, f.Title, f.Severity, f.Confidence, f.Category = a.ID, a.Title, a.Severity, a.Confidence, a.Category
				out = append(out, f)
			}
		}
		return out, nil
	}
	t.Cleanup(func() { detect = old })
	return &ran
}

// locate finds code in a loaded file: a finding location the way a
// detector would produce it.
func locate(t *testing.T, p *parser.Project, file, code string) analyzers.Location {
	t.Helper()
	for _, u := range p.Units {
		if u.File.Path != file {
			continue
		}
		for n := 1; n <= u.File.LineCount(); n++ {
			if i := strings.Index(u.File.Line(n), code); i >= 0 {
				return analyzers.Location{File: file, StartLine: n, StartColumn: i + 1, EndLine: n, EndColumn: i + 1 + len(code)}
			}
		}
	}
	t.Fatalf("%q not found in %s", code, file)
	return analyzers.Location{}
}

// pretendTerminal makes the CLI believe standard output and error are
// terminals.
func pretendTerminal(t *testing.T) {
	t.Helper()
	old := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = old })
}

const bankSol = `pragma solidity ^0.8.20;

contract Bank {
    mapping(address => uint256) public balances;

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] = 0;
    }

    function owner() external view returns (bool) {
        return tx.origin == msg.sender && block.timestamp > 0;
    }
}
`

// bankFindings reports on bankSol: one finding per detector.
func bankFindings(t *testing.T) func(p *parser.Project, id string) []analyzers.Finding {
	return func(p *parser.Project, id string) []analyzers.Finding {
		switch id {
		case "reentrancy-eth":
			l := locate(t, p, "Bank.sol", `msg.sender.call{value: amount}("")`)
			l.Contract, l.Function = "Bank", "withdraw()"
			return []analyzers.Finding{{Message: "balances written after the call", Location: l,
				Related: []analyzers.Related{{Location: locate(t, p, "Bank.sol", "balances[msg.sender] = 0"), Message: "state written after the call"}}}}
		case "tx-origin":
			l := locate(t, p, "Bank.sol", "tx.origin == msg.sender")
			l.Contract, l.Function = "Bank", "owner()"
			return []analyzers.Finding{{Message: "tx.origin compared", Location: l}}
		case "timestamp":
			l := locate(t, p, "Bank.sol", "block.timestamp")
			l.Contract, l.Function = "Bank", "owner()"
			return []analyzers.Finding{{Message: "block.timestamp used", Location: l}}
		}
		return nil
	}
}
