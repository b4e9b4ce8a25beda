// Package source holds what every stage shares about source text: files with
// their line tables, positions and spans, and diagnostics.
package source

import (
	"sort"
	"unicode/utf8"
)

// File is one loaded source file.
type File struct {
	// Path is the path shown to users and written to reports: relative to
	// the scanned root, with forward slashes.
	Path string
	// Abs is the absolute path on disk ("" for in-memory sources).
	Abs string
	// Content is the file's bytes as read.
	Content []byte

	lineStarts []int // byte offset of each line's first byte
	ascii      bool
}

// NewFile builds a File and its line table.
func NewFile(path, abs string, content []byte) *File {
	f := &File{Path: path, Abs: abs, Content: content, ascii: true}
	f.lineStarts = append(make([]int, 0, len(content)/32+1), 0)
	for i, b := range content {
		if b == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		} else if b >= utf8.RuneSelf {
			f.ascii = false
		}
	}
	return f
}

// IsASCII reports whether the file holds only ASCII bytes, in which case
// byte offsets and character offsets coincide.
func (f *File) IsASCII() bool { return f.ascii }

// LineCount is the number of lines in the file.
func (f *File) LineCount() int {
	n := len(f.lineStarts)
	if n > 1 && f.lineStarts[n-1] == len(f.Content) {
		n-- // a trailing newline does not start a line
	}
	return n
}

// Pos converts a byte offset into a position. Columns count characters
// (Unicode code points), starting at 1.
func (f *File) Pos(offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.Content) {
		offset = len(f.Content)
	}
	line := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > offset }) - 1
	start := f.lineStarts[line]
	col := offset - start
	if !f.ascii {
		col = utf8.RuneCount(f.Content[start:offset])
	}
	return Pos{Offset: offset, Line: line + 1, Column: col + 1}
}

// Span builds the span of the bytes [start, end).
func (f *File) Span(start, end int) Span {
	return Span{File: f, Start: f.Pos(start), End: f.Pos(end)}
}

// Line returns the text of a 1-based line without its line terminator.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[n-1]
	end := len(f.Content)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	}
	if end > start && f.Content[end-1] == '\r' {
		end--
	}
	if end < start {
		end = start
	}
	return string(f.Content[start:end])
}

// Pos is a point in a file: a byte offset and a 1-based line and column.
type Pos struct {
	Offset int
	Line   int
	Column int
}

// Span is a range of a file; End is exclusive.
type Span struct {
	File  *File
	Start Pos
	End   Pos
}

// Text returns the source text the span covers.
func (s Span) Text() string {
	if s.File == nil || s.Start.Offset > s.End.Offset || s.End.Offset > len(s.File.Content) {
		return ""
	}
	return string(s.File.Content[s.Start.Offset:s.End.Offset])
}

// Valid reports whether the span points into a file.
func (s Span) Valid() bool { return s.File != nil }

// Severity of a diagnostic.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Diagnostic is a problem with the input or the run, not a finding: a
// syntax error, an unresolved import, a missing compiler.
type Diagnostic struct {
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Column   int      `json:"column,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// At builds a diagnostic at a span's start.
func At(s Span, sev Severity, msg string) Diagnostic {
	d := Diagnostic{Severity: sev, Message: msg}
	if s.File != nil {
		d.File, d.Line, d.Column = s.File.Path, s.Start.Line, s.Start.Column
	}
	return d
}

// SortDiagnostics orders diagnostics by file, line, column and message so
// output is stable across runs.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
}
