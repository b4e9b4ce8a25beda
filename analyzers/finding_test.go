package analyzers

import (
	"testing"

	"github.com/sleuth-sec/sleuth/parser/source"
)

func TestSeverityOrder(t *testing.T) {
	for i, s := range Severities {
		if s.Rank() != len(Severities)-i {
			t.Errorf("%s.Rank() = %d", s, s.Rank())
		}
		got, err := ParseSeverity(string(s))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %q, %v", s, got, err)
		}
	}
	if !High.AtLeast(High) || !Critical.AtLeast(High) || Medium.AtLeast(High) || !Info.AtLeast(Info) {
		t.Error("AtLeast disagrees with the severity order")
	}
	if Severity("bogus").AtLeast(Info) {
		t.Error("an unknown severity must not cross any threshold")
	}
	if _, err := ParseSeverity("High"); err == nil {
		t.Error("severity names are lower case; ParseSeverity accepted High")
	}
}

func TestConfidenceOrder(t *testing.T) {
	if !ConfidenceHigh.AtLeast(ConfidenceMedium) || ConfidenceLow.AtLeast(ConfidenceMedium) || Confidence("").AtLeast(ConfidenceLow) {
		t.Error("AtLeast disagrees with the confidence order")
	}
}

func TestLocationOf(t *testing.T) {
	f := source.NewFile("src/A.sol", "", []byte("contract A {\n  function f() {}\n}\n"))
	got := LocationOf(f.Span(15, 30))
	want := Location{File: "src/A.sol", StartLine: 2, StartColumn: 3, EndLine: 2, EndColumn: 18}
	if got != want {
		t.Errorf("LocationOf = %+v, want %+v", got, want)
	}
	if (LocationOf(source.Span{}) != Location{}) {
		t.Error("LocationOf(invalid span) should be zero")
	}
}
