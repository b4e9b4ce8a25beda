package tui

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// styles are every style the UI draws with. They come from one renderer
// whose colour profile the caller decides (--color, NO_COLOR), so a
// monochrome UI is the same code with an ASCII profile, never a guess made
// from the environment deep inside a view.
type styles struct {
	color bool

	header, dim, bold, selected, group, status, errText, key, title lipgloss.Style
	sev                                                             map[analyzers.Severity]lipgloss.Style
	primarySpan, relatedSpan, lineNo, markedLineNo                  lipgloss.Style
	syntax                                                          map[string]lipgloss.Style
}

func newStyles(color bool) styles {
	r := lipgloss.NewRenderer(io.Discard)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	st := r.NewStyle
	s := styles{
		color:        color,
		header:       st().Bold(true),
		dim:          st().Faint(true),
		bold:         st().Bold(true),
		selected:     st().Reverse(true),
		group:        st().Bold(true).Underline(true),
		status:       st().Italic(true),
		errText:      st().Foreground(lipgloss.Color("9")),
		key:          st().Bold(true),
		title:        st().Bold(true).Foreground(lipgloss.Color("12")),
		primarySpan:  st().Background(lipgloss.Color("52")).Underline(true),
		relatedSpan:  st().Background(lipgloss.Color("17")).Underline(true),
		lineNo:       st().Faint(true),
		markedLineNo: st().Bold(true).Foreground(lipgloss.Color("11")),
		sev: map[analyzers.Severity]lipgloss.Style{
			analyzers.Critical: st().Bold(true).Foreground(lipgloss.Color("13")),
			analyzers.High:     st().Bold(true).Foreground(lipgloss.Color("9")),
			analyzers.Medium:   st().Foreground(lipgloss.Color("11")),
			analyzers.Low:      st().Foreground(lipgloss.Color("14")),
			analyzers.Info:     st().Faint(true),
		},
		syntax: map[string]lipgloss.Style{
			"keyword": st().Foreground(lipgloss.Color("13")),
			"type":    st().Foreground(lipgloss.Color("14")),
			"string":  st().Foreground(lipgloss.Color("10")),
			"number":  st().Foreground(lipgloss.Color("11")),
			"comment": st().Foreground(lipgloss.Color("8")),
			"name":    st().Foreground(lipgloss.Color("15")),
		},
	}
	return s
}

func (s styles) severity(sev analyzers.Severity) lipgloss.Style {
	if st, ok := s.sev[sev]; ok {
		return st
	}
	return s.dim
}
