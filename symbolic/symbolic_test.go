package symbolic

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/sevm"
)

const bankSrc = `pragma solidity ^0.8.0;
contract Base {
    address owner;
    function kill() external { selfdestruct(payable(msg.sender)); }
}
contract Bank is Base {
    mapping(address => uint256) balances;
    function withdraw() external {
        (bool ok, ) = msg.sender.call{value: balances[msg.sender]}("");
        require(ok);
        balances[msg.sender] = 0;
    }
    function setOwner(address o) external { owner = o; }
}
`

// loadBank parses bankSrc as a one-file project.
func loadBank(t *testing.T) *parser.Project {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Bank.sol"), []byte(bankSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	proj, err := parser.Load(parser.Config{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

// at is the byte range of the first occurrence of code in bankSrc.
func at(t *testing.T, code string) (int, int) {
	t.Helper()
	i := strings.Index(bankSrc, code)
	if i < 0 {
		t.Fatalf("%q not in the source", code)
	}
	return i, len(code)
}

// fake stands in for the compiler and the engine: one deployable Bank
// (and an interface-free Base), and the issues given.
func fake(t *testing.T, issues ...*sevm.Issue) {
	t.Helper()
	oldCompile, oldAnalyze := compileProject, analyze
	t.Cleanup(func() { compileProject, analyze = oldCompile, oldAnalyze })
	compileProject = func(context.Context, *parser.Project, compile.Options) ([]*compile.Artifact, []source.Diagnostic, error) {
		code := []byte{0x60, 0x00}
		return []*compile.Artifact{
			{Name: "Bank", Source: "Bank.sol", Creation: code, Runtime: code},
			{Name: "Base", Source: "Bank.sol", Creation: code, Runtime: code},
		}, nil, nil
	}
	analyze = func(_ context.Context, tg *sevm.Target, _ sevm.Config) (*sevm.Report, error) {
		r := &sevm.Report{Contract: tg.Name}
		for _, is := range issues {
			if is.Contract == tg.Name {
				r.Issues = append(r.Issues, is)
			}
		}
		return r, nil
	}
}

func issueAt(t *testing.T, p sevm.Property, contract, code string, confirmed bool) *sevm.Issue {
	off, n := at(t, code)
	return &sevm.Issue{Property: p, Contract: contract, File: "Bank.sol", Offset: off, Length: n, Message: string(p),
		Confirmed: confirmed, Replayed: true,
		Witness: []sevm.Step{{From: common.HexToAddress("0xbad"), To: common.HexToAddress("0xc0de"), Value: uint256.NewInt(7), Calldata: []byte{0x41, 0xc0, 0xe1, 0xb5}, Function: "kill()"}}}
}

func finding(detector, contract, function string, line int) analyzers.Finding {
	return analyzers.Finding{Detector: detector, Location: analyzers.Location{File: "Bank.sol", StartLine: line, Contract: contract, Function: function}}
}

func TestRunConfirmsMatchingFindingsAndAddsOnlyProvenNewOnes(t *testing.T) {
	proj := loadBank(t)
	fake(t,
		// Found through the deployed Bank, in Base's code: confirms suicidal.
		issueAt(t, sevm.Selfdestruct, "Bank", "selfdestruct(payable(msg.sender))", true),
		// The same issue seen again through Base: one issue, not two.
		issueAt(t, sevm.Selfdestruct, "Base", "selfdestruct(payable(msg.sender))", true),
		// Reentrancy found but not replayed: the finding stays unknown,
		// with the witness shown.
		issueAt(t, sevm.Reentrancy, "Bank", `msg.sender.call{value: balances[msg.sender]}("")`, false),
		// Confirmed, and no static finding claims it: a new finding.
		issueAt(t, sevm.OwnerOverwrite, "Bank", "owner = o", true),
		// Unconfirmed and unclaimed: dropped as noise.
		issueAt(t, sevm.AssertFailure, "Bank", "require(ok)", false),
	)
	findings := []analyzers.Finding{
		finding("suicidal", "Base", "kill()", 4),
		finding("reentrancy-eth", "Bank", "withdraw()", 9),
		// A detector the engine does not check keeps symbolic null.
		finding("timestamp", "Bank", "withdraw()", 9),
		// A matching class in another function is not evidence.
		finding("reentrancy-no-eth", "Bank", "setOwner(address)", 13),
	}
	res := Run(context.Background(), proj, findings, Options{})
	if len(res.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	if res.Contracts != 2 {
		t.Errorf("contracts explored = %d, want 2", res.Contracts)
	}
	s := findings[0].Symbolic
	if s == nil || s.Status != analyzers.Confirmed || !s.Replayed || len(s.Witness) != 1 {
		t.Fatalf("suicidal: %+v, want confirmed with a replayed witness", s)
	}
	if w := s.Witness[0]; w.Value != "7" || w.Calldata != "0x41c0e1b5" || w.Function != "kill()" || !strings.EqualFold(w.From, "0x0000000000000000000000000000000000000bad") {
		t.Errorf("witness = %+v", w)
	}
	if s := findings[1].Symbolic; s == nil || s.Status != analyzers.Unknown || len(s.Witness) != 1 {
		t.Errorf("reentrancy-eth: %+v, want unknown with the unreplayed witness", s)
	}
	if findings[2].Symbolic != nil {
		t.Errorf("timestamp got symbolic evidence %+v", findings[2].Symbolic)
	}
	if s := findings[3].Symbolic; s == nil || s.Status != analyzers.Unknown || len(s.Witness) != 0 {
		t.Errorf("reentrancy-no-eth in another function: %+v, want unknown without witness", s)
	}
	if res.Confirmed != 1 || res.Unknown != 2 {
		t.Errorf("confirmed %d unknown %d, want 1 and 2", res.Confirmed, res.Unknown)
	}
	if len(res.Added) != 1 {
		t.Fatalf("added %d findings, want 1: %+v", len(res.Added), res.Added)
	}
	a := res.Added[0]
	if a.Detector != "evm-owner-overwrite" || a.Severity != analyzers.High || a.Location.Function != "setOwner(address)" ||
		a.Location.Contract != "Bank" || a.Location.StartLine != 13 || a.Symbolic == nil || a.Symbolic.Status != analyzers.Confirmed {
		t.Errorf("added finding = %+v", a)
	}
}

func TestRunWithoutCompilerKeepsStaticResults(t *testing.T) {
	proj := loadBank(t)
	fake(t)
	compileProject = func(context.Context, *parser.Project, compile.Options) ([]*compile.Artifact, []source.Diagnostic, error) {
		return nil, nil, errors.New(compile.NoCompilerMessage)
	}
	findings := []analyzers.Finding{finding("suicidal", "Base", "kill()", 4)}
	res := Run(context.Background(), proj, findings, Options{})
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, "symbolic") {
		t.Fatalf("diagnostics = %v, want one saying why", res.Diagnostics)
	}
	// Nothing ran, so the findings carry no symbolic evidence at all.
	if findings[0].Symbolic != nil {
		t.Errorf("symbolic = %+v, want null", findings[0].Symbolic)
	}
	if len(res.Added) != 0 {
		t.Errorf("added %v", res.Added)
	}
}

func TestRunSurvivesAnEnginePanic(t *testing.T) {
	proj := loadBank(t)
	fake(t)
	analyze = func(context.Context, *sevm.Target, sevm.Config) (*sevm.Report, error) { panic("boom") }
	findings := []analyzers.Finding{finding("suicidal", "Base", "kill()", 4)}
	res := Run(context.Background(), proj, findings, Options{Jobs: 1})
	if len(res.Diagnostics) != 2 {
		t.Fatalf("diagnostics = %v, want one per contract", res.Diagnostics)
	}
	for _, d := range res.Diagnostics {
		if !strings.Contains(d.Message, "internal error: boom") {
			t.Errorf("diagnostic %q", d.Message)
		}
	}
	if s := findings[0].Symbolic; s == nil || s.Status != analyzers.Unknown {
		t.Errorf("symbolic = %+v, want unknown", s)
	}
}
