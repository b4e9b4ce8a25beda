package report

import (
	"bytes"
	"io"
	"testing"
)

// writers are every format, by golden file name.
var writers = []struct {
	name  string
	write func(io.Writer, Document) error
}{
	{"report.txt", WriteText},
	{"report.color.txt", TextOptions{Color: true}.Write},
	{"report.verbose.txt", TextOptions{Verbose: true}.Write},
	{"report.quiet.txt", TextOptions{Quiet: true}.Write},
	{"report.json", WriteJSON},
	{"report.sarif", WriteSARIF},
	{"report.md", WriteMarkdown},
}

// TestGolden renders the fixed document in every format and compares it
// with testdata/golden (go test ./report -update rewrites them).
func TestGolden(t *testing.T) {
	doc := goldenDoc(t)
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := w.write(&b, doc); err != nil {
				t.Fatal(err)
			}
			golden(t, w.name, b.Bytes())
		})
	}
}

// TestDeterministic renders each format twice, from documents built
// separately, and with the findings in reverse order: the bytes must not
// change, whatever order detectors reported in.
func TestDeterministic(t *testing.T) {
	for _, w := range writers {
		a, b := goldenDoc(t), goldenDoc(t)
		for i, j := 0, len(b.Findings)-1; i < j; i, j = i+1, j-1 {
			b.Findings[i], b.Findings[j] = b.Findings[j], b.Findings[i]
		}
		for i, j := 0, len(b.Detectors)-1; i < j; i, j = i+1, j-1 {
			b.Detectors[i], b.Detectors[j] = b.Detectors[j], b.Detectors[i]
		}
		var x, y bytes.Buffer
		if err := w.write(&x, a); err != nil {
			t.Fatal(err)
		}
		if err := w.write(&y, b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Errorf("%s: two renderings differ:\n%s", w.name, diffLines(x.String(), y.String()))
		}
	}
}

// TestEmptyDocument: every writer copes with a document that has nothing
// in it at all.
func TestEmptyDocument(t *testing.T) {
	for _, w := range writers {
		var b bytes.Buffer
		if err := w.write(&b, Document{}); err != nil {
			t.Errorf("%s: %v", w.name, err)
		}
		if b.Len() == 0 && w.name != "report.quiet.txt" {
			t.Errorf("%s: wrote nothing", w.name)
		}
	}
}
