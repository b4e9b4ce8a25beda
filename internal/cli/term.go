package cli

import (
	"io"
	"os"

	"golang.org/x/term"
)

// Colour and progress depend on whether output goes to a terminal.
// golang.org/x/term answers that with one system call and no other
// dependency; the renderers themselves write plain ANSI (see report).

// isTerminal reports whether w is a terminal. A variable, so tests can
// pretend one is there.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorModes are the values of --color.
const colorModes = "auto, always or never"

// useColor decides colour for output going to w: always and never mean
// what they say (an explicit flag beats the environment, as no-color.org
// asks); auto colours a terminal unless NO_COLOR is set to anything or
// TERM is dumb.
func useColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && isTerminal(w), nil
	}
	return false, usageErrorf("unknown --color %q (want %s)", mode, colorModes)
}
