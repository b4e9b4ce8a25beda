package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
)

type editorDoneMsg struct{ err error }

// shownLocation is the location the source pane shows: the primary one or
// the related one the user jumped to.
func (m *Model) shownLocation(f analyzers.Finding) analyzers.Location {
	if m.screen == findingScreen && m.loc > 0 && m.loc <= len(f.Related) {
		return f.Related[m.loc-1].Location
	}
	return f.Location
}

// openEditor suspends the UI and opens the shown location in the user's
// editor with the "+LINE" argument vi, emacs, nano and most others accept.
func (m *Model) openEditor() tea.Cmd {
	f, ok := m.Selected()
	if !ok {
		return nil
	}
	l := m.shownLocation(f)
	if l.File == "" {
		m.setStatus("this finding has no file to open", true)
		return nil
	}
	args := strings.Fields(m.opts.Editor)
	if len(args) == 0 {
		m.setStatus("set $EDITOR (or $VISUAL) to open files", true)
		return nil
	}
	path := filepath.Join(m.opts.Doc.Root, filepath.FromSlash(l.File))
	args = append(args, "+"+strconv.Itoa(max(1, l.StartLine)), path)
	cmd := exec.Command(args[0], args[1:]...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return editorDoneMsg{err: err} })
}

// locationText is "file:line:column", the form editors and terminals
// recognise.
func locationText(l analyzers.Location) string {
	if l.File == "" {
		return "(project)"
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.StartLine, l.StartColumn)
}

func (m *Model) copyLocation() {
	f, ok := m.Selected()
	if !ok {
		return
	}
	text := locationText(m.shownLocation(f))
	if m.opts.Copy == nil {
		m.setStatus("no clipboard: "+text, false)
		return
	}
	if err := m.opts.Copy(text); err != nil {
		m.setStatus("copy: "+err.Error(), true)
		return
	}
	m.setStatus("copied "+text, false)
}

// exportMarkdown writes the findings the list shows, in the report's
// Markdown form, so an audit write-up can start from the current view.
func (m *Model) exportMarkdown() {
	if m.opts.ExportPath == "" {
		m.setStatus("export is not available", true)
		return
	}
	doc := m.opts.Doc
	doc.Findings = m.Visible()
	var buf bytes.Buffer
	if err := report.WriteMarkdown(&buf, doc); err != nil {
		m.setStatus("export: "+err.Error(), true)
		return
	}
	if err := os.WriteFile(m.opts.ExportPath, buf.Bytes(), 0o644); err != nil {
		m.setStatus("export: "+err.Error(), true)
		return
	}
	m.setStatus(fmt.Sprintf("exported %d findings to %s", len(doc.Findings), m.opts.ExportPath), false)
}
