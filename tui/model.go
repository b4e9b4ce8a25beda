// Package tui is sleuth's terminal UI: a bubbletea program for browsing a
// scan's findings, reading them beside their source, triaging them (stored
// in .sleuth/triage.json, honoured by later scans) and asking a local model
// about them. The Model is plain data plus Update and View, so tests drive
// it key by key without a terminal.
package tui

import (
	"context"
	"io"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
)

// Asker streams a model's explanation of one finding, and a fix, to w. It
// must return when ctx is cancelled. Errors are shown to the user as they are, so they
// should say what to do (start Ollama, pull the model).
type Asker interface {
	Ask(ctx context.Context, f analyzers.Finding, w io.Writer) error
}

// Options configure a Model.
type Options struct {
	// Doc is the scan to browse; its Findings may carry reviews already.
	Doc report.Document
	// Reviews is the project's triage store; marking a finding saves it.
	// Nil keeps triage in memory only (and says so).
	Reviews *report.Reviews
	// Asker answers "ask the model"; nil explains why there is none
	// (NoAskerReason).
	Asker         Asker
	NoAskerReason string
	// Color turns colours on; off, the UI is monochrome (NO_COLOR,
	// --color never) and every mark is also a character.
	Color bool
	// Editor is the command that opens a file ("vim", "code -w"); empty
	// disables 'e' with a hint about $EDITOR.
	Editor string
	// ExportPath is where 'm' writes the current view as Markdown.
	ExportPath string
	// Copy puts text on the clipboard; nil disables 'y'.
	Copy func(string) error
	// Status is a first message for the status line (why the scan cannot
	// be trusted, for one).
	Status string
	// Now stamps reviews; nil is time.Now.
	Now func() time.Time
}

type screen int

const (
	listScreen screen = iota
	findingScreen
)

// mode is what keys currently go to.
type mode int

const (
	normalMode mode = iota
	filterMode      // typing the filter text
	triageMode      // choosing a review status
	noteMode        // typing the review note
)

// Model is the whole UI state.
type Model struct {
	opts Options
	st   styles
	hl   *highlighter

	fs   []analyzers.Finding
	q    query
	rows []row
	// detWidth and locWidth are the widest detector id and row location
	// among the findings: the list's columns are no wider than needed.
	detWidth, locWidth int

	cursor, offset int // list: selected row and first visible row
	width, height  int
	screen         screen
	mode           mode
	input          []rune // the filter or note being typed
	savedFilter    string // the filter before '/', restored by esc
	pending        analyzers.ReviewStatus
	showHelp       bool

	status    string
	statusErr bool

	// finding screen
	loc          int // shown location: 0 the primary, i the related i-1
	srcOffset    int
	detailOffset int

	ask askState
}

// New builds the model for a finished scan.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	fs := append([]analyzers.Finding(nil), o.Doc.Findings...)
	if o.Reviews != nil {
		for i := range fs {
			if rv, ok := o.Reviews.Entries[fs[i].ID]; ok && fs[i].ID != "" {
				rv := rv
				fs[i].Review = &rv
			}
		}
	}
	m := &Model{opts: o, st: newStyles(o.Color), hl: newHighlighter(), fs: fs, width: 80, height: 24}
	m.q.haystacks = make([]string, len(fs))
	for i := range fs {
		m.q.haystacks[i] = haystack(fs[i])
		m.detWidth = max(m.detWidth, ansi.StringWidth(fs[i].Detector))
		m.locWidth = max(m.locWidth, ansi.StringWidth(rowLocation(fs[i])))
	}
	m.status = o.Status
	m.ask.spinner = spinner.New(spinner.WithSpinner(spinner.Line))
	m.refresh()
	return m
}

// Init starts nothing: the scan is already done.
func (m *Model) Init() tea.Cmd { return nil }

// refresh rebuilds the rows after the filter or sort changed, keeping the
// selected finding selected when it is still shown.
func (m *Model) refresh() {
	sel := m.selectedIndex()
	m.rows = buildRows(m.fs, &m.q)
	m.cursor = 0
	for i, r := range m.rows {
		if r.finding >= 0 && r.finding == sel {
			m.cursor = i
			break
		}
	}
	if sel < 0 || len(m.rows) == 0 || m.rows[m.cursor].finding != sel {
		m.cursor = m.firstFinding(0, 1)
	}
	m.offset = 0
	m.scrollToCursor()
	// The open finding left the list (a filter, a review hidden): the
	// finding screen would show another one without saying so.
	if m.screen == findingScreen && m.selectedIndex() != sel {
		m.screen = listScreen
	}
}

// selectedIndex is the index in m.fs of the selected finding, or -1.
func (m *Model) selectedIndex() int {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return -1
	}
	return m.rows[m.cursor].finding
}

// Selected returns the selected finding, if any.
func (m *Model) Selected() (analyzers.Finding, bool) {
	i := m.selectedIndex()
	if i < 0 {
		return analyzers.Finding{}, false
	}
	return m.fs[i], true
}

// Visible returns the findings the list shows, in its order.
func (m *Model) Visible() []analyzers.Finding {
	out := make([]analyzers.Finding, 0, len(m.rows))
	for _, r := range m.rows {
		if r.finding >= 0 {
			out = append(out, m.fs[r.finding])
		}
	}
	return out
}

// firstFinding returns the first finding row from i in direction dir
// (+1 or -1), or the nearest one the other way, or 0 when there is none.
func (m *Model) firstFinding(i, dir int) int {
	for j := i; j >= 0 && j < len(m.rows); j += dir {
		if m.rows[j].finding >= 0 {
			return j
		}
	}
	for j := i; j >= 0 && j < len(m.rows); j -= dir {
		if m.rows[j].finding >= 0 {
			return j
		}
	}
	return 0
}

// listHeight is how many rows the list shows.
func (m *Model) listHeight() int { return max(1, m.height-3) }

func (m *Model) scrollToCursor() {
	h := m.listHeight()
	top := m.cursor
	// Keep a group's heading in view with its first finding.
	if top > 0 && m.rows[top-1].finding < 0 {
		top--
	}
	if top < m.offset {
		m.offset = top
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-h))
}

func (m *Model) move(delta int) {
	if len(m.rows) == 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	target := min(max(m.cursor+delta, 0), len(m.rows)-1)
	m.cursor = m.firstFinding(target, dir)
	m.scrollToCursor()
}

func (m *Model) setStatus(msg string, isErr bool) {
	m.status, m.statusErr = msg, isErr
}
