package report

import (
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// CodeOf returns the code a location covers, read from files by path: the
// input analyzers.AssignIDs fingerprints for findings that arrive without
// an id. Unknown files and lines give "", which still fingerprints (on the
// detector, file and declarations alone).
func CodeOf(files func(path string) *source.File) func(analyzers.Location) string {
	return func(l analyzers.Location) string {
		f := files(l.File)
		if f == nil || l.StartLine < 1 || l.StartLine > f.LineCount() {
			return ""
		}
		end, endCol := l.EndLine, l.EndColumn
		if end < l.StartLine {
			end, endCol = l.StartLine, l.StartColumn
		}
		end = min(end, f.LineCount())
		var b strings.Builder
		for n := l.StartLine; n <= end; n++ {
			runes := []rune(f.Line(n))
			from, to := 0, len(runes)
			if n == l.StartLine {
				from = min(max(l.StartColumn-1, 0), len(runes))
			}
			if n == end && endCol > 0 {
				to = min(max(endCol-1, from), len(runes))
			}
			if n > l.StartLine {
				b.WriteByte('\n')
			}
			b.WriteString(string(runes[from:to]))
		}
		return b.String()
	}
}
