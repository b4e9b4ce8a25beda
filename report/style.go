package report

import "github.com/sleuth-sec/sleuth/analyzers"

// Colour is plain ANSI SGR sequences rather than lipgloss: the text report
// needs a dozen fixed 16-colour styles and nothing of lipgloss's layout, and
// raw codes keep the output byte-for-byte predictable for golden tests.
// Whether to colour at all (TTY, NO_COLOR, --color) is the caller's
// decision, made once in the CLI with golang.org/x/term; the writer only
// obeys TextOptions.Color.

type style string

const (
	plain     style = ""
	bold      style = "1"
	boldRed   style = "1;31"
	boldGreen style = "1;32"
	boldYell  style = "1;33"
	boldBlue  style = "1;34"
	boldMag   style = "1;35"
	boldCyan  style = "1;36"
	dim       style = "2"
)

// painter applies styles when colour is on and is the identity otherwise.
type painter bool

func (p painter) paint(s style, text string) string {
	if !p || s == plain || text == "" {
		return text
	}
	return "\x1b[" + string(s) + "m" + text + "\x1b[0m"
}

// severityStyle follows rustc's palette: the worse, the redder.
func severityStyle(s analyzers.Severity) style {
	switch s {
	case analyzers.Critical:
		return boldMag
	case analyzers.High:
		return boldRed
	case analyzers.Medium:
		return boldYell
	case analyzers.Low:
		return boldCyan
	case analyzers.Info:
		return boldGreen
	}
	return bold
}
