package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// moduleRoot is the directory holding go.mod, found upwards from the
// package directory the test runs in.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's directory")
		}
		dir = parent
	}
}

// example loads examples/name as the loader would: path relative to the
// module root, forward slashes.
func example(t testing.TB, name string) *source.File {
	t.Helper()
	abs := filepath.Join(moduleRoot(t), "examples", name)
	data, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	return source.NewFile("examples/"+name, abs, data)
}

// at locates the first occurrence of code on a line of f: the synthetic
// findings point at real code without hard-coding columns.
func at(t testing.TB, f *source.File, line int, code string) analyzers.Location {
	t.Helper()
	text := f.Line(line)
	i := strings.Index(text, code)
	if i < 0 {
		t.Fatalf("%s:%d does not contain %q: %q", f.Path, line, code, text)
	}
	col := len([]rune(text[:i])) + 1
	return analyzers.Location{File: f.Path, StartLine: line, StartColumn: col, EndLine: line, EndColumn: col + len([]rune(code))}
}

// through is a location from the start of from to the end of to.
func through(from, to analyzers.Location) analyzers.Location {
	from.EndLine, from.EndColumn = to.EndLine, to.EndColumn
	return from
}

// fakeDetectors document the detectors the golden findings come from; the
// real ones live in analyzers and are not this package's concern.
func fakeDetectors() []*analyzers.Analyzer {
	return []*analyzers.Analyzer{
		{ID: "reentrancy-eth", Title: "Reentrancy: state written after an external call that sends ether",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatReentrancy,
			SWC: "SWC-107", CWE: []string{"CWE-841"},
			Description:    "An external call that sends ether is followed by a write to state the callee could observe.\nThe callee can re-enter before the write.",
			Exploit:        "An attacker's `receive()` calls `withdrawAll()` again and is paid once per nested call.",
			Recommendation: "Apply checks-effects-interactions: write state before the call. Or use a reentrancy guard.",
		},
		{ID: "tx-origin", Title: "Authorization through tx.origin",
			Severity: analyzers.Medium, Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatTxOrigin,
			SWC: "SWC-115", CWE: []string{"CWE-477"},
			Description:    "`tx.origin` is the account that started the transaction, not the caller.",
			Exploit:        "The owner calls a malicious contract, which calls the wallet; the check passes.",
			Recommendation: "Use `msg.sender` for authorization.",
		},
		{ID: "suicidal", Title: "Anyone can destroy the contract",
			Severity: analyzers.Critical, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
			SWC: "SWC-106", CWE: []string{"CWE-284"},
			Description:    "`selfdestruct` is reachable by an account that can make itself the owner.",
			Recommendation: "Remove `selfdestruct`; protect initializers.",
		},
		{ID: "weak-prng", Title: "Randomness from block values",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatBadRandomness,
			SWC: "SWC-120", CWE: []string{"CWE-330"},
			Description: "Block values are known to every contract in the block and chosen in part by its producer.",
		},
		{ID: "low-level-calls", Title: "Low-level call",
			Severity: analyzers.Low, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatCodeQuality,
			Description: "A low-level call bypasses type checks.", Recommendation: "Prefer a typed interface call."},
		{ID: "solc-version", Title: "Outdated compiler version",
			Severity: analyzers.Info, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatCodeQuality,
			Recommendation: "Use a recent 0.8 compiler."},
	}
}

// brokenSol has three syntax errors' worth of lines for diagnostics.
const brokenSol = "pragma solidity ^0.8.20;\n\ncontract Broken {\n    function f(uint256 a public {}\n}\n"

// goldenDoc is the fixed Document every format's golden file renders:
// real code frames from examples/, every feature of a finding, every kind
// of diagnostic, fixed times.
func goldenDoc(t testing.TB) Document {
	t.Helper()
	bank := example(t, "EtherBank.sol")
	wallet := example(t, "TxOriginWallet.sol")
	lib := example(t, "WalletLibrary.sol")
	lottery := example(t, "Lottery.sol")
	token := example(t, "BatchToken.sol")
	broken := source.NewFile("src/Broken.sol", "", []byte(brokenSol))

	call := at(t, bank, 32, `msg.sender.call{value: amount}("")`)
	call.Contract, call.Function = "EtherBank", "withdrawAll()"
	origin := at(t, wallet, 25, "tx.origin == owner")
	origin.Contract, origin.Function = "TxOriginWallet", "transferTo(address,uint256)"
	origin2 := at(t, wallet, 30, "tx.origin == owner")
	origin2.Contract, origin2.Function = "TxOriginWallet", "changeOwner(address)"
	kill := at(t, lib, 44, "selfdestruct(to)")
	kill.Contract, kill.Function = "WalletLibrary", "kill(address)"
	initFn := through(at(t, lib, 31, "function initialize"), at(t, lib, 34, "}"))
	random := through(at(t, lottery, 30, "uint256("), at(t, lottery, 32, ")"))
	random.Contract, random.Function = "Lottery", "draw()"
	lowcall := at(t, lib, 38, "to.call{value: value}(data)")
	lowcall.Contract, lowcall.Function = "WalletLibrary", "execute(address,uint256,bytes)"
	overflow := at(t, token, 39, "uint256(cnt) * _value")
	overflow.Contract, overflow.Function = "BatchToken", "batchTransfer(address[],uint256)"
	pragma := at(t, token, 1, "pragma solidity ^0.4.24;")

	findings := []analyzers.Finding{
		{Detector: "reentrancy-eth", Title: "Reentrancy: state written after an external call that sends ether",
			Message:  "EtherBank.withdrawAll() writes balances[msg.sender] after msg.sender.call{value: amount}(\"\")",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatReentrancy,
			SWC: "SWC-107", CWE: []string{"CWE-841"}, Location: call,
			Related: []analyzers.Related{
				{Location: at(t, bank, 35, "balances[msg.sender] = 0"), Message: "state written after the call"},
				{Location: at(t, bank, 36, "emit Withdrawal(msg.sender, amount)"), Message: "event emitted after the call"},
			},
			Symbolic: &analyzers.Symbolic{Status: analyzers.Confirmed, Replayed: true, Witness: []analyzers.WitnessTx{
				{From: "0x00000000000000000000000000000000000a77ac", To: "0x0000000000000000000000000000000000000b4c", Value: "1000000000000000000", Calldata: "0xd0e30db0", Function: "deposit()"},
				{From: "0x00000000000000000000000000000000000a77ac", To: "0x0000000000000000000000000000000000000b4c", Value: "0", Calldata: "0x853828b6", Function: "withdrawAll()"},
			}},
			Triage: &analyzers.Triage{Verdict: analyzers.TruePositive, Confidence: 0.92, Model: "qwen2.5-coder:7b",
				Rationale: "The balance is zeroed only after the call, and no guard protects withdrawAll().",
				Exploit:   "Deposit 1 ether from a contract whose receive() calls withdrawAll() again.",
				Fix:       "balances[msg.sender] = 0;\n(bool ok, ) = msg.sender.call{value: amount}(\"\");"},
		},
		{Detector: "tx-origin", Title: "Authorization through tx.origin", Message: "transferTo(address,uint256) authorizes with tx.origin == owner",
			Severity: analyzers.Medium, Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatTxOrigin,
			SWC: "SWC-115", CWE: []string{"CWE-477"}, Location: origin,
			// The model was fed a comment that tries to inject Markdown and
			// talk it out of the finding; the report must show it inert.
			Triage: &analyzers.Triage{Verdict: analyzers.Uncertain, Confidence: 0.5, Model: "qwen2.5-coder:7b",
				Rationale: "The source says: <img src=x onerror=alert(1)> **this is safe** [click](http://evil.example)\n# not a heading"},
		},
		{Detector: "tx-origin", Title: "Authorization through tx.origin", Message: "changeOwner(address) authorizes with tx.origin == owner",
			Severity: analyzers.Medium, Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatTxOrigin,
			SWC: "SWC-115", CWE: []string{"CWE-477"}, Location: origin2},
		{Detector: "suicidal", Title: "Anyone can destroy the contract", Message: "kill(address) can be reached by anyone: initialize() makes the caller the owner",
			Severity: analyzers.Critical, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
			SWC: "SWC-106", CWE: []string{"CWE-284"}, Location: kill,
			Related:  []analyzers.Related{{Location: initFn, Message: "unprotected initializer sets the owner"}},
			Symbolic: &analyzers.Symbolic{Status: analyzers.Unknown}},
		{Detector: "weak-prng", Title: "Randomness from block values", Message: "the winner is drawn from block.timestamp and blockhash(block.number - 1)",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceMedium, Category: analyzers.CatBadRandomness,
			SWC: "SWC-120", CWE: []string{"CWE-330"}, Location: random},
		{Detector: "low-level-calls", Title: "Low-level call", Message: "low-level call to `to`",
			Severity: analyzers.Low, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatCodeQuality, Location: lowcall},
		// Not in fakeDetectors: a finding whose detector is undocumented
		// still gets a SARIF rule and a report entry.
		{Detector: "integer-overflow", Title: "Unchecked arithmetic can overflow", Message: "uint256(cnt) * _value can wrap around before 0.8",
			Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatArithmetic,
			SWC: "SWC-101", CWE: []string{"CWE-190"}, Location: overflow},
		{Detector: "solc-version", Title: "Outdated compiler version", Message: "pragma solidity ^0.4.24 allows compilers with known bugs",
			Severity: analyzers.Info, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatCodeQuality, Location: pragma},
	}
	sources := map[string]*source.File{}
	for _, f := range []*source.File{bank, wallet, lib, lottery, token, broken} {
		sources[f.Path] = f
	}
	analyzers.AssignIDs(findings, CodeOf(func(p string) *source.File { return sources[p] }))

	return Document{
		Findings: findings,
		Diagnostics: []source.Diagnostic{
			{File: "src/Broken.sol", Line: 4, Column: 26, Severity: source.Error, Message: "missing ')' at 'public'"},
			{File: "lib/Dep.sol", Severity: source.Warning, Message: "file is not valid UTF-8"},
			{Severity: source.Info, Message: "no remappings found"},
		},
		Stats: Stats{Files: 6, Lines: 242, Duration: 85 * time.Millisecond,
			Stages: []Stage{{"parse", 61 * time.Millisecond}, {"analyze", 20 * time.Millisecond}}},
		Root:      "/home/auditor/project",
		Sources:   sources,
		Detectors: fakeDetectors(),
		Generated: time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC),
		Hidden:    []Hidden{{"in the baseline", 2}, {"below --min-severity", 1}},
	}
}

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it):\n%s", name, diffLines(string(want), string(got)))
	}
}

// diffLines shows the first differing line with a little context.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want: %q\n  got:  %q", i+1, wl, gl)
		}
	}
	return "(same lines, different bytes)"
}
