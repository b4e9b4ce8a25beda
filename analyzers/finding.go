// Package analyzers holds the semantic model, the Finding type and the
// detectors. This file is the Finding type only: its JSON encoding is the
// finding object of the published report contract (docs/json.md), so field
// names and presence rules here are a compatibility promise.
package analyzers

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// Severity is how bad a finding is if it is real.
type Severity string

const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
	Info     Severity = "info"
)

// Severities lists every severity, most severe first.
var Severities = []Severity{Critical, High, Medium, Low, Info}

// Rank orders severities: Critical is 5, Info is 1, anything unknown is 0 so
// that it never crosses a threshold by accident.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 5
	case High:
		return 4
	case Medium:
		return 3
	case Low:
		return 2
	case Info:
		return 1
	}
	return 0
}

// AtLeast reports whether s is as severe as threshold or more.
func (s Severity) AtLeast(threshold Severity) bool {
	return s.Rank() > 0 && s.Rank() >= threshold.Rank()
}

// ParseSeverity accepts a severity name as written in the contract.
func ParseSeverity(name string) (Severity, error) {
	s := Severity(name)
	if s.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q", name)
	}
	return s, nil
}

// Confidence is how sure the detector is that the finding is real.
type Confidence string

const (
	ConfidenceHigh   Confidence = "high"
	ConfidenceMedium Confidence = "medium"
	ConfidenceLow    Confidence = "low"
)

// Rank orders confidences: high is 3, low is 1, unknown is 0.
func (c Confidence) Rank() int {
	switch c {
	case ConfidenceHigh:
		return 3
	case ConfidenceMedium:
		return 2
	case ConfidenceLow:
		return 1
	}
	return 0
}

// AtLeast reports whether c is as confident as threshold or more.
func (c Confidence) AtLeast(threshold Confidence) bool {
	return c.Rank() > 0 && c.Rank() >= threshold.Rank()
}

// Category is the one-word class of a finding; the vocabulary is closed so
// that filters and dashboards built on it keep working.
type Category string

const (
	CatReentrancy       Category = "reentrancy"
	CatAccessControl    Category = "access-control"
	CatTxOrigin         Category = "tx-origin"
	CatArithmetic       Category = "arithmetic"
	CatUncheckedCall    Category = "unchecked-call"
	CatDenialOfService  Category = "denial-of-service"
	CatBadRandomness    Category = "bad-randomness"
	CatFrontRunning     Category = "front-running"
	CatTimeManipulation Category = "time-manipulation"
	CatShortAddress     Category = "short-address"
	CatUninitialized    Category = "uninitialized"
	CatShadowing        Category = "shadowing"
	CatERCConformance   Category = "erc-conformance"
	CatUpgradeability   Category = "upgradeability"
	CatOracle           Category = "oracle"
	CatSignature        Category = "signature"
	CatLogic            Category = "logic"
	CatCodeQuality      Category = "code-quality"
	CatGas              Category = "gas"
)

// Finding is one reported problem. Detectors create it; the symbolic stage
// fills Symbolic and the LLM stage fills Triage; nothing removes it.
type Finding struct {
	// ID is a stable fingerprint (detector, file, normalised code — not line
	// numbers), so baselines survive unrelated edits.
	ID         string     `json:"id"`
	Detector   string     `json:"detector"`
	Title      string     `json:"title"`
	Message    string     `json:"message"`
	Severity   Severity   `json:"severity"`
	Confidence Confidence `json:"confidence"`
	Category   Category   `json:"category"`
	// SWC is the SWC registry id ("SWC-107"), or "" where none applies.
	SWC string `json:"swc"`
	// CWE holds CWE ids ("CWE-841"); encoded as [] when empty.
	CWE      []string  `json:"cwe"`
	Location Location  `json:"location"`
	Related  []Related `json:"related"`
	// Symbolic and Triage are null until their stage has run.
	Symbolic *Symbolic `json:"symbolic"`
	Triage   *Triage   `json:"triage"`
	// Review is a person's triage, recorded in the TUI and stored in
	// .sleuth/triage.json; absent from the JSON when nobody reviewed it.
	Review *Review `json:"review,omitempty"`
}

// MarshalJSON keeps the contract's shape whatever the detector filled in:
// list fields are [] rather than null, so consumers need no null checks.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding // no methods: avoids recursing into MarshalJSON
	p := plain(f)
	if p.CWE == nil {
		p.CWE = []string{}
	}
	if p.Related == nil {
		p.Related = []Related{}
	}
	return json.Marshal(p)
}

// Location is a span of a file. Lines and columns are 1-based; columns count
// characters; the end is exclusive, as in source.Span.
type Location struct {
	// File is relative to the scanned root, with forward slashes.
	File        string `json:"file"`
	StartLine   int    `json:"startLine"`
	StartColumn int    `json:"startColumn"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	// Contract and Function ("withdraw(uint256)") name the enclosing
	// declarations; omitted where there is none (file level, related spans).
	Contract string `json:"contract,omitempty"`
	Function string `json:"function,omitempty"`
}

// LocationOf converts a source span into a Location without the enclosing
// names; the caller adds Contract and Function where they apply.
func LocationOf(s source.Span) Location {
	if !s.Valid() {
		return Location{}
	}
	return Location{
		File:        s.File.Path,
		StartLine:   s.Start.Line,
		StartColumn: s.Start.Column,
		EndLine:     s.End.Line,
		EndColumn:   s.End.Column,
	}
}

// Related is another statement involved in a finding.
type Related struct {
	Location Location `json:"location"`
	Message  string   `json:"message"`
}

// SymbolicStatus is what the symbolic engine concluded about a finding.
type SymbolicStatus string

const (
	// Confirmed means a witness was replayed on a concrete EVM and showed
	// the effect; nothing less earns it.
	Confirmed SymbolicStatus = "confirmed"
	Refuted   SymbolicStatus = "refuted"
	Unknown   SymbolicStatus = "unknown"
)

// Symbolic is the symbolic engine's evidence for a finding.
type Symbolic struct {
	Status SymbolicStatus `json:"status"`
	// Witness is the transaction sequence that triggers the finding; [] when
	// there is none.
	Witness  []WitnessTx `json:"witness"`
	Replayed bool        `json:"replayed"`
}

// MarshalJSON encodes an absent witness as [] rather than null.
func (s Symbolic) MarshalJSON() ([]byte, error) {
	type plain Symbolic
	p := plain(s)
	if p.Witness == nil {
		p.Witness = []WitnessTx{}
	}
	return json.Marshal(p)
}

// WitnessTx is one transaction of a witness. Values are strings so that
// 256-bit quantities survive JSON readers that parse numbers as doubles.
type WitnessTx struct {
	From     string `json:"from"`     // 0x-prefixed address
	To       string `json:"to"`       // 0x-prefixed address
	Value    string `json:"value"`    // wei, decimal
	Calldata string `json:"calldata"` // 0x-prefixed hex
	// Function is the decoded signature, "withdraw(uint256)", when known.
	Function string `json:"function,omitempty"`
	// Args are the decoded arguments, "amount: 1000", in order, when the
	// calldata decodes through the function's ABI.
	Args []string `json:"args,omitempty"`
}

// Verdict is the LLM's judgement of a finding.
type Verdict string

const (
	TruePositive  Verdict = "true-positive"
	FalsePositive Verdict = "false-positive"
	Uncertain     Verdict = "uncertain"
)

// Triage is the LLM's annotation of a finding. It changes how the finding is
// shown and sorted, never whether it is reported.
type Triage struct {
	Verdict Verdict `json:"verdict"`
	// Confidence is in [0, 1].
	Confidence float64 `json:"confidence"`
	Rationale  string  `json:"rationale"`
	Exploit    string  `json:"exploit"`
	Fix        string  `json:"fix"`
	// Model is the model that produced the verdict ("qwen2.5-coder:7b").
	Model string `json:"model"`
}

// ReviewStatus is a person's conclusion about a finding.
type ReviewStatus string

const (
	ReviewConfirmed     ReviewStatus = "confirmed"
	ReviewFalsePositive ReviewStatus = "false-positive"
	ReviewNeedsReview   ReviewStatus = "needs-review"
)

// Review is a person's triage of a finding: unlike the LLM's Triage it is
// a decision, and --reviewed hide leaves out what it calls false positive.
type Review struct {
	Status ReviewStatus `json:"status"`
	// Note is the reviewer's reason, free text.
	Note string `json:"note,omitempty"`
	// Time is when the review was last changed (RFC 3339, UTC).
	Time time.Time `json:"time"`
}
