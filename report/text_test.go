package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func TestWriteText(t *testing.T) {
	doc := Document{
		Findings: []analyzers.Finding{{Detector: "tx-origin", Severity: analyzers.Medium, Message: "tx.origin used for authorization",
			Location: analyzers.Location{File: "Wallet.sol", StartLine: 12, StartColumn: 17}}},
		Diagnostics: []source.Diagnostic{
			{File: "Broken.sol", Line: 3, Column: 7, Severity: source.Error, Message: "missing ';' at '}'"},
			{File: "Lib.sol", Severity: source.Warning, Message: "file is not valid UTF-8"},
			{Severity: source.Info, Message: "no remappings found"},
		},
		Stats: Stats{Files: 1, Lines: 20, Duration: 5 * time.Millisecond},
	}
	var b bytes.Buffer
	if err := WriteText(&b, doc); err != nil {
		t.Fatal(err)
	}
	want := `Wallet.sol:12:17: medium: tx.origin used for authorization [tx-origin]
Broken.sol:3:7: error: missing ';' at '}'
Lib.sol: warning: file is not valid UTF-8
sleuth: info: no remappings found
scanned 1 file (20 lines) in 5 ms: 1 finding, 3 diagnostics
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteTextEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, Document{Stats: Stats{Files: 3, Lines: 1}}); err != nil {
		t.Fatal(err)
	}
	if want := "scanned 3 files (1 line) in 0 ms: 0 findings, 0 diagnostics\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
