package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestDetectorsTable(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDetectorsTable(&b, fakeDetectors()[:2]); err != nil {
		t.Fatal(err)
	}
	want := "ID              SEVERITY  CONFIDENCE  CATEGORY    TITLE\n" +
		"reentrancy-eth  high      high        reentrancy  Reentrancy: state written after an external call that sends ether\n" +
		"tx-origin       medium    medium      tx-origin   Authorization through tx.origin\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestDetectorsMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDetectorsMarkdown(&b, fakeDetectors()); err != nil {
		t.Fatal(err)
	}
	golden(t, "detectors.md", b.Bytes())

	b.Reset()
	WriteDetectorsMarkdown(&b, nil)
	if !strings.Contains(b.String(), "No detectors are registered yet.") {
		t.Errorf("empty registry: %s", b.String())
	}
}

func TestExplain(t *testing.T) {
	var b bytes.Buffer
	if err := WriteExplain(&b, fakeDetectors()[0], false); err != nil {
		t.Fatal(err)
	}
	golden(t, "explain.txt", b.Bytes())
	b.Reset()
	WriteExplain(&b, fakeDetectors()[0], true)
	if !strings.Contains(b.String(), "\x1b[1;31mreentrancy-eth:\x1b[0m") {
		t.Errorf("no colour: %q", b.String())
	}
}
