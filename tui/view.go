package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// View draws the whole screen: exactly m.height lines, none wider than
// m.width, so the terminal never scrolls or wraps.
func (m *Model) View() string {
	var lines []string
	lines = append(lines, m.headerLine())
	bodyH := m.height - 3
	switch {
	case m.showHelp:
		lines = append(lines, m.helpLines(bodyH)...)
	case m.screen == findingScreen:
		lines = append(lines, m.findingLines(bodyH)...)
	default:
		lines = append(lines, m.listLines(bodyH)...)
	}
	lines = append(lines, m.statusLine(), m.helpBar())
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return strings.Join(lines, "\n")
}

// pad returns exactly h lines: ls cut or filled with empty ones.
func pad(ls []string, h int) []string {
	if len(ls) > h {
		return ls[:h]
	}
	for len(ls) < h {
		ls = append(ls, "")
	}
	return ls
}

// headerLine carries the counts: all findings by severity, how many the
// list shows, how many are reviewed, and the sort and filters in force.
func (m *Model) headerLine() string {
	counts := map[analyzers.Severity]int{}
	reviewed := 0
	for _, f := range m.fs {
		counts[f.Severity]++
		if f.Review != nil {
			reviewed++
		}
	}
	shown := len(m.rows)
	for _, r := range m.rows {
		if r.finding < 0 {
			shown--
		}
	}
	// What narrows the list comes first, so a narrow terminal cuts the
	// counts' tail rather than the filter the user is looking through.
	parts := []string{m.st.header.Render("sleuth") + fmt.Sprintf(" %d/%d", shown, len(m.fs))}
	if m.q.text != "" && m.mode != filterMode {
		parts = append(parts, "/"+m.q.text)
	}
	if m.q.minSev != "" {
		parts = append(parts, "≥"+string(m.q.minSev))
	}
	if m.q.hideFP {
		parts = append(parts, "FP hidden")
	}
	var sev []string
	for _, s := range analyzers.Severities {
		if counts[s] > 0 {
			sev = append(sev, m.st.severity(s).Render(fmt.Sprintf("%d %s", counts[s], strings.ToLower(sevAbbrev(s)))))
		}
	}
	if len(sev) > 0 {
		parts = append(parts, strings.Join(sev, " "))
	}
	parts = append(parts, fmt.Sprintf("%d reviewed", reviewed), "by "+m.q.sortKey.String())
	return strings.Join(parts, " · ")
}

func (m *Model) listLines(h int) []string {
	if len(m.fs) == 0 {
		return pad([]string{"", "  No findings. Nothing to triage."}, h)
	}
	if len(m.rows) == 0 {
		return pad([]string{"", "  No finding matches the filter (esc clears it, v changes the severity)."}, h)
	}
	var out []string
	end := min(len(m.rows), m.offset+h)
	for i := m.offset; i < end; i++ {
		r := m.rows[i]
		if r.finding < 0 {
			out = append(out, m.st.group.Render(fmt.Sprintf("%s (%d)", r.group, r.count)))
			continue
		}
		out = append(out, m.findingRow(m.fs[r.finding], i == m.cursor))
	}
	return pad(out, h)
}

// reviewMark is one character a review shows as in the list; characters
// rather than colours, so a monochrome terminal shows them too.
func reviewMark(f analyzers.Finding) string {
	if f.Review == nil {
		return " "
	}
	switch f.Review.Status {
	case analyzers.ReviewConfirmed:
		return "+"
	case analyzers.ReviewFalsePositive:
		return "x"
	}
	return "?"
}

func (m *Model) findingRow(f analyzers.Finding, selected bool) string {
	cursor := "  "
	if selected {
		cursor = "> "
	}
	sev := fmt.Sprintf("%-4s", sevAbbrev(f.Severity))
	// The message gets what is left after the fixed columns: as wide as
	// their longest entry, but no wider than a fifth of the terminal
	// (at least 12, at most 22), so the message keeps some room.
	cw := min(max(m.width/5, 12), 22)
	dw, lw := min(cw, m.detWidth), min(cw, m.locWidth)
	det := fmt.Sprintf("%-*s", dw, ansi.Truncate(f.Detector, dw, "…"))
	loc := fmt.Sprintf("%-*s", lw, fitLocation(f, lw))
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	msg = strings.ReplaceAll(msg, "\n", " ")
	if selected {
		line := cursor + sev + " " + reviewMark(f) + " " + det + "  " + loc + "  " + msg
		line = ansi.Truncate(line, m.width, "…")
		return m.st.selected.Render(line + strings.Repeat(" ", max(0, m.width-ansi.StringWidth(line))))
	}
	return cursor + m.st.severity(f.Severity).Render(sev) + " " + reviewMark(f) + " " + det + "  " + m.st.dim.Render(loc) + "  " + msg
}

// rowLocation is a list row's location: the file's base name and the
// line, which tells two findings of one detector in one file apart.
func rowLocation(f analyzers.Finding) string {
	return fmt.Sprintf("%s:%d", baseName(f.Location.File), f.Location.StartLine)
}

// fitLocation is rowLocation in w cells: whole if it fits, else without
// the ".sol" every file has, else cut from the left.
func fitLocation(f analyzers.Finding, w int) string {
	s := rowLocation(f)
	if ansi.StringWidth(s) <= w {
		return s
	}
	if name, ok := strings.CutSuffix(baseName(f.Location.File), ".sol"); ok && name != "" {
		s = fmt.Sprintf("%s:%d", name, f.Location.StartLine)
	}
	return truncateLeft(s, w)
}

// truncateLeft cuts s to w cells from the left, "…Wallet.sol:31": the
// line number at the end is what must survive a narrow column.
func truncateLeft(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && ansi.StringWidth(string(r))+1 > w {
		r = r[1:]
	}
	return "…" + string(r)
}

func sevAbbrev(s analyzers.Severity) string {
	switch s {
	case analyzers.Critical:
		return "CRIT"
	case analyzers.High:
		return "HIGH"
	case analyzers.Medium:
		return "MED"
	case analyzers.Low:
		return "LOW"
	case analyzers.Info:
		return "INFO"
	}
	return "?"
}

func baseName(p string) string {
	if p == "" {
		return "(project)"
	}
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// wideFrom is the width from which the finding screen puts the source and
// the details side by side instead of one over the other.
const wideFrom = 140

func (m *Model) wide() bool { return m.width >= wideFrom }

// sourceWidth is the source pane's width: all of it, or the left part on
// wide terminals.
func (m *Model) sourceWidth() int {
	if m.wide() {
		return m.width * 11 / 20
	}
	return m.width
}

// sourceHeight is how many lines the source pane takes of the finding
// screen: about half, leaving the detail pane room to read, or all of it
// beside the details on wide terminals.
func (m *Model) sourceHeight() int {
	if m.wide() {
		return max(3, m.height-3)
	}
	return max(3, (m.height-3)/2)
}

// findingLines is the finding screen: the source pane over the detail
// pane, or beside it on wide terminals.
func (m *Model) findingLines(h int) []string {
	f, ok := m.Selected()
	if !ok {
		return pad(nil, h)
	}
	if m.wide() {
		left := m.sourceLines(f, h, m.sourceWidth())
		rightW := m.width - m.sourceWidth() - 3
		right := m.detailPane(f, h, rightW)
		out := make([]string, h)
		for i := range out {
			l := ansi.Truncate(left[i], m.sourceWidth(), "")
			out[i] = l + strings.Repeat(" ", max(0, m.sourceWidth()-ansi.StringWidth(l))) + m.st.dim.Render(" │ ") + right[i]
		}
		return out
	}
	srcH := min(m.sourceHeight(), h-2)
	out := m.sourceLines(f, srcH, m.width)
	return append(out, m.detailPane(f, h-srcH, m.width)...)
}

// detailPane is the detail pane, h lines of at most w cells: a rule with
// the scroll position, then the finding's details from detailOffset.
func (m *Model) detailPane(f analyzers.Finding, h, w int) []string {
	lines := m.detailLines(f, max(10, w-1))
	if m.ask.follow && m.ask.id == f.ID {
		// Show the answer's heading, and its end once it outgrows the pane.
		m.detailOffset = max(m.ask.firstLine-1, m.ask.lastLine-(h-2))
	}
	// The detail pane scrolls; clamp so the last page stays full.
	maxOff := max(0, len(lines)-(h-1))
	m.detailOffset = max(0, min(m.detailOffset, maxOff))
	rule := fmt.Sprintf("── details (↑/↓ scroll) %d/%d ", min(m.detailOffset+h-1, len(lines)), len(lines))
	out := []string{m.st.dim.Render(rule + strings.Repeat("─", max(0, w-ansi.StringWidth(rule))))}
	return append(out, pad(lines[m.detailOffset:], h-1)...)
}

func (m *Model) statusLine() string {
	switch m.mode {
	case filterMode:
		return "/" + string(m.input) + "█  (enter keeps, esc restores)"
	case triageMode:
		return "mark as: [c]onfirmed  [f]alse positive  [n]eeds review  [u]nmark  (other key cancels)"
	case noteMode:
		return fmt.Sprintf("%s — note: %s█  (enter saves, esc cancels)", m.pending, string(m.input))
	}
	if m.ask.running {
		return m.ask.spinner.View() + " asking the model… (esc cancels)"
	}
	if m.status == "" {
		return ""
	}
	if m.statusErr {
		return m.st.errText.Render(m.status)
	}
	return m.st.status.Render(m.status)
}
