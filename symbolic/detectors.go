package symbolic

import (
	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/symbolic/sevm"
)

// propertyOf maps the static detectors whose findings the engine can
// confirm onto the properties whose witnesses prove them.
var propertyOf = map[string][]sevm.Property{
	"reentrancy-eth":          {sevm.Reentrancy},
	"reentrancy-no-eth":       {sevm.Reentrancy},
	"suicidal":                {sevm.Selfdestruct, sevm.EtherTheft},
	"arbitrary-send-eth":      {sevm.EtherTheft},
	"controlled-delegatecall": {sevm.DelegatecallToAttacker},
	"unprotected-state-write": {sevm.OwnerOverwrite},
	"misnamed-constructor":    {sevm.OwnerOverwrite},
	"integer-overflow":        {sevm.Overflow},
	"unchecked-lowlevel":      {sevm.UncheckedCall},
	"unchecked-send":          {sevm.UncheckedCall},
	"controlled-array-length": {sevm.ArbitraryStorageWrite},
}

// Detectors are the engine's own detectors: what it reports when no
// static detector flagged the code but a replayed witness proves the
// problem. They carry the same documentation as static detectors, for
// SARIF rules, reports and `sleuth explain`.
var Detectors = []*analyzers.Analyzer{
	{
		ID: "evm-ether-theft", Title: "An attacker can take ether from the contract",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
		SWC: "SWC-105", CWE: []string{"CWE-284"},
		Description:    "The symbolic engine found a sequence of transactions, sent by an address that never deployed or administered the contract, after which that address holds more ether than it sent. The sequence was replayed on go-ethereum's EVM and the balance change observed.",
		Exploit:        "The witness below is the exploit: replaying its transactions from any account drains the ether shown.",
		Recommendation: "Restrict who can trigger the transfer (an owner or role check), or send ether only to accounts whose entitlement the contract recorded (balances the caller deposited).",
	},
	{
		ID: "evm-unprotected-selfdestruct", Title: "An attacker can destroy the contract",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
		SWC: "SWC-106", CWE: []string{"CWE-284"},
		Description:    "The symbolic engine reached SELFDESTRUCT in a transaction sent by an arbitrary account, and the replay on go-ethereum's EVM executed it.",
		Exploit:        "Replaying the witness destroys the contract (before Cancun) or sends its whole balance to the attacker's beneficiary.",
		Recommendation: "Remove selfdestruct, or guard it with an access check on msg.sender.",
	},
	{
		ID: "evm-owner-overwrite", Title: "An attacker can overwrite an owner-like storage slot",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
		SWC: "SWC-105", CWE: []string{"CWE-284"},
		Description:    "A storage slot that the contract compares with msg.sender (an owner or admin) is changed by a transaction from an arbitrary account; the replay on go-ethereum's EVM showed the slot change.",
		Exploit:        "After the witness's transactions the attacker holds the privileged role and can call every function it protects.",
		Recommendation: "Guard every write of privileged state with the check it protects (onlyOwner), and initialise it in the constructor or a one-time initializer.",
	},
	{
		ID: "evm-delegatecall-to-attacker", Title: "An attacker can make the contract delegatecall their code",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
		SWC: "SWC-112", CWE: []string{"CWE-829"},
		Description:    "A DELEGATECALL's target is chosen by the caller; the replay on go-ethereum's EVM delegatecalled the attacker's address.",
		Exploit:        "The attacker deploys code that writes the owner slot or self-destructs, and has the contract run it in its own context.",
		Recommendation: "Delegatecall only to fixed, trusted implementations, or guard the function with an access check.",
	},
	{
		ID: "evm-arbitrary-storage-write", Title: "An attacker can write an arbitrary storage slot",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatAccessControl,
		SWC: "SWC-124", CWE: []string{"CWE-123"},
		Description:    "A transaction from an arbitrary account stores to a slot whose number the attacker chooses (typically through an unchecked dynamic-array index); the replay wrote the chosen slot.",
		Exploit:        "The attacker computes the index that lands on the owner's slot and overwrites it.",
		Recommendation: "Bound array indices by the array's length (Solidity ≥0.6 does), and never let callers set an array's length.",
	},
	{
		ID: "evm-integer-overflow", Title: "Arithmetic wraps around on a reachable path",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatArithmetic,
		SWC: "SWC-101", CWE: []string{"CWE-190", "CWE-191"},
		Description:    "An addition, subtraction or multiplication without overflow checks (before Solidity 0.8, or in an unchecked block) wraps around on a path that completes, and the wrapped value is stored; the replay stored it.",
		Exploit:        "The witness's inputs make the balance or counter wrap: an underflowed balance becomes huge.",
		Recommendation: "Use Solidity ≥0.8 checked arithmetic or SafeMath, and check the operands (require(balance >= amount)) before subtracting.",
	},
	{
		ID: "evm-assert-failure", Title: "An assert can fail",
		Severity: analyzers.Medium, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatLogic,
		SWC: "SWC-110", CWE: []string{"CWE-617"},
		Description:    "An assert (Panic(0x01), or the INVALID opcode before Solidity 0.8) fails for inputs an arbitrary caller can send; the replay hit it. Asserts state invariants, so a reachable failure means the invariant does not hold.",
		Exploit:        "The witness's transactions break the invariant the assert states.",
		Recommendation: "Fix the logic that lets the invariant break, or use require for input validation.",
	},
	{
		ID: "evm-reentrancy", Title: "Reentrancy with a state change after the call",
		Severity: analyzers.High, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatReentrancy,
		SWC: "SWC-107", CWE: []string{"CWE-841"},
		Description:    "A call that forwards gas to an attacker-controlled address is followed by a write of state read before the call; the replay installed a re-entering attacker contract and observed the re-entry.",
		Exploit:        "The attacker's contract re-enters during the call and acts on the stale state, withdrawing more than it is owed.",
		Recommendation: "Apply checks-effects-interactions (write state before the call) or a reentrancy guard.",
	},
	{
		ID: "evm-unchecked-call", Title: "A failed external call goes unnoticed",
		Severity: analyzers.Medium, Confidence: analyzers.ConfidenceHigh, Category: analyzers.CatUncheckedCall,
		SWC: "SWC-104", CWE: []string{"CWE-252"},
		Description:    "The success flag of a low-level call never decides anything: the transaction completes whether the call succeeded or not, as the replay showed with a failing callee.",
		Exploit:        "A recipient that reverts makes the contract record a payment that never happened.",
		Recommendation: "Check the returned success flag (require(ok)) or use a call that reverts on failure.",
	},
}

var detectorFor = func() map[sevm.Property]*analyzers.Analyzer {
	ids := map[sevm.Property]string{
		sevm.EtherTheft: "evm-ether-theft", sevm.Selfdestruct: "evm-unprotected-selfdestruct",
		sevm.OwnerOverwrite: "evm-owner-overwrite", sevm.DelegatecallToAttacker: "evm-delegatecall-to-attacker",
		sevm.ArbitraryStorageWrite: "evm-arbitrary-storage-write", sevm.Overflow: "evm-integer-overflow",
		sevm.AssertFailure: "evm-assert-failure", sevm.Reentrancy: "evm-reentrancy", sevm.UncheckedCall: "evm-unchecked-call",
	}
	m := map[sevm.Property]*analyzers.Analyzer{}
	for p, id := range ids {
		for _, d := range Detectors {
			if d.ID == id {
				m[p] = d
			}
		}
	}
	return m
}()
