package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
)

// Update handles one message: a key, a resize, a chunk of the model's
// answer, the end of an editor session.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 20), max(msg.Height, 6)
		m.scrollToCursor()
		return m, nil
	case askChunkMsg, askDoneMsg:
		return m, m.updateAsk(msg)
	case spinner.TickMsg:
		if !m.ask.running {
			return m, nil
		}
		var cmd tea.Cmd
		m.ask.spinner, cmd = m.ask.spinner.Update(msg)
		return m, cmd
	case editorDoneMsg:
		if msg.err != nil {
			m.setStatus("editor: "+msg.err.Error(), true)
		} else {
			m.setStatus("back from the editor", false)
		}
		return m, nil
	case tea.KeyMsg:
		// Fast typing and pastes arrive as one message of many runes;
		// each is a key of its own ("/tx" opens the filter, then types
		// "tx"), except inside an input, which takes them whole.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && m.mode != filterMode && m.mode != noteMode {
			var cmds []tea.Cmd
			for i, r := range msg.Runes {
				if m.mode == filterMode || m.mode == noteMode {
					_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:]})
					cmds = append(cmds, cmd)
					break
				}
				_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				cmds = append(cmds, cmd)
			}
			return m, tea.Batch(cmds...)
		}
		if msg.Type == tea.KeyCtrlC {
			m.ask.cancel()
			return m, tea.Quit
		}
		switch m.mode {
		case filterMode:
			return m, m.updateFilter(msg)
		case triageMode:
			return m, m.updateTriage(msg)
		case noteMode:
			return m, m.updateNote(msg)
		}
		return m, m.updateNormal(msg)
	}
	return m, nil
}

func (m *Model) updateNormal(msg tea.KeyMsg) tea.Cmd {
	key := msg.String()
	// A message answers the key before it ("copied …", "marked …"); the
	// next key retires it, so the status line never shows stale news.
	// The scan's own message (why it cannot be trusted) stays.
	m.setStatus(m.opts.Status, false)
	if m.showHelp {
		// Any key closes the help; q still quits.
		m.showHelp = false
		if key != "q" {
			return nil
		}
	}
	// Keys that work on both screens.
	switch key {
	case "q":
		m.ask.cancel()
		return tea.Quit
	case "?":
		m.showHelp = true
		return nil
	case "t":
		if _, ok := m.Selected(); ok {
			m.mode = triageMode
			m.setStatus("", false)
		}
		return nil
	case "a":
		return m.startAsk()
	case "e":
		return m.openEditor()
	case "y":
		m.copyLocation()
		return nil
	case "M":
		m.exportMarkdown()
		return nil
	case "H":
		m.q.hideFP = !m.q.hideFP
		m.refresh()
		return nil
	}
	if m.screen == findingScreen {
		return m.updateFindingScreen(key)
	}
	switch key {
	case "up", "k":
		m.move(-1)
	case "down", "j":
		m.move(1)
	case "pgup", "ctrl+u":
		m.move(-m.listHeight())
	case "pgdown", "ctrl+d", " ":
		m.move(m.listHeight())
	case "home", "g":
		m.move(-len(m.rows))
	case "end", "G":
		m.move(len(m.rows))
	case "enter", "right", "l":
		if _, ok := m.Selected(); ok {
			m.openFinding()
		}
	case "/":
		m.mode = filterMode
		m.savedFilter = m.q.text
		m.input = []rune(m.q.text)
	case "esc":
		if m.ask.running {
			m.ask.cancel()
			m.setStatus("asking the model: cancelled", false)
		} else if m.q.text != "" {
			m.q.text = ""
			m.refresh()
		}
	case "s":
		m.q.sortKey = (m.q.sortKey + 1) % numSortKeys
		m.refresh()
	case "v":
		m.q.minSev = nextSeverity(m.q.minSev)
		m.refresh()
	}
	return nil
}

func (m *Model) openFinding() {
	m.screen = findingScreen
	m.ask.follow = false
	m.loc, m.detailOffset = 0, 0
	m.centerSource()
}

func (m *Model) updateFindingScreen(key string) tea.Cmd {
	f, _ := m.Selected()
	switch key {
	case "esc", "backspace", "left", "h":
		if m.ask.running && key == "esc" {
			m.ask.cancel()
			m.setStatus("asking the model: cancelled", false)
			return nil
		}
		m.screen = listScreen
	case "tab", "n":
		if n := 1 + len(f.Related); n > 1 {
			m.loc = (m.loc + 1) % n
			m.centerSource()
		}
	case "shift+tab", "N":
		if n := 1 + len(f.Related); n > 1 {
			m.loc = (m.loc + n - 1) % n
			m.centerSource()
		}
	case "]":
		m.move(1)
		m.openFinding()
	case "[":
		m.move(-1)
		m.openFinding()
	case "down", "j":
		m.ask.follow = false
		m.detailOffset++
	case "up", "k":
		m.ask.follow = false
		m.detailOffset = max(0, m.detailOffset-1)
	case "pgdown", "ctrl+d", " ":
		m.srcOffset += max(1, m.sourceHeight()-2)
	case "pgup", "ctrl+u":
		m.srcOffset = max(0, m.srcOffset-max(1, m.sourceHeight()-2))
	}
	return nil
}

// updateFilter edits the filter live: the list narrows with every key.
func (m *Model) updateFilter(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEnter:
		m.mode = normalMode
		return nil
	case tea.KeyEsc:
		m.mode = normalMode
		m.q.text = m.savedFilter
		m.refresh()
		return nil
	}
	if editInput(&m.input, msg) {
		m.q.text = string(m.input)
		m.refresh()
	}
	return nil
}

func (m *Model) updateTriage(msg tea.KeyMsg) tea.Cmd {
	f, _ := m.Selected()
	switch msg.String() {
	case "c":
		m.pending = analyzers.ReviewConfirmed
	case "f":
		m.pending = analyzers.ReviewFalsePositive
	case "n", "r":
		m.pending = analyzers.ReviewNeedsReview
	case "u":
		m.mode = normalMode
		m.clearReview(f)
		return nil
	default:
		m.mode = normalMode
		return nil
	}
	m.mode = noteMode
	m.input = nil
	if f.Review != nil {
		m.input = []rune(f.Review.Note)
	}
	return nil
}

func (m *Model) updateNote(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEnter:
		m.mode = normalMode
		m.saveReview(m.pending, string(m.input))
		return nil
	case tea.KeyEsc:
		m.mode = normalMode
		m.setStatus("triage cancelled", false)
		return nil
	}
	editInput(&m.input, msg)
	return nil
}

// editInput applies a key to a one-line input and reports whether the
// text changed.
func editInput(in *[]rune, msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyBackspace:
		if len(*in) > 0 {
			*in = (*in)[:len(*in)-1]
			return true
		}
	case tea.KeyCtrlU:
		*in = nil
		return true
	case tea.KeyCtrlW:
		s := strings.TrimRight(string(*in), " ")
		if i := strings.LastIndex(s, " "); i >= 0 {
			*in = []rune(s[:i+1])
		} else {
			*in = nil
		}
		return true
	case tea.KeySpace:
		*in = append(*in, ' ')
		return true
	case tea.KeyRunes:
		*in = append(*in, msg.Runes...)
		return true
	}
	return false
}

// saveReview records the selected finding's review and writes the store
// at once: an auditor's day of triage must survive a crash.
func (m *Model) saveReview(status analyzers.ReviewStatus, note string) {
	i := m.selectedIndex()
	if i < 0 {
		return
	}
	f := &m.fs[i]
	rv := analyzers.Review{Status: status, Note: strings.TrimSpace(note), Time: m.opts.Now().UTC().Truncate(1e9)}
	if m.opts.Reviews != nil {
		var err error
		if rv, err = m.opts.Reviews.Set(f.ID, status, note, m.opts.Now()); err != nil {
			m.setStatus("triage: "+err.Error(), true)
			return
		}
		if err := m.opts.Reviews.Save(); err != nil {
			m.setStatus("triage not saved: "+err.Error(), true)
			return
		}
	}
	f.Review = &rv
	m.q.haystacks[i] = haystack(*f)
	where := "saved to " + report.ReviewFile
	if m.opts.Reviews == nil {
		where = "not saved: no triage file"
	}
	m.setStatus(fmt.Sprintf("marked %s (%s)", status, where), false)
	m.refresh()
}

func (m *Model) clearReview(f analyzers.Finding) {
	i := m.selectedIndex()
	if i < 0 || m.fs[i].Review == nil {
		return
	}
	if m.opts.Reviews != nil {
		m.opts.Reviews.Delete(f.ID)
		if err := m.opts.Reviews.Save(); err != nil {
			m.setStatus("triage not saved: "+err.Error(), true)
			return
		}
	}
	m.fs[i].Review = nil
	m.q.haystacks[i] = haystack(m.fs[i])
	m.setStatus("review cleared", false)
	m.refresh()
}
