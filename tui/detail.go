package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// detailLines is the detail pane's text for f, wrapped to width: what it
// is, where, the evidence later stages attached, the person's review, the
// model's streamed answer and the detector's documentation.
func (m *Model) detailLines(f analyzers.Finding, width int) []string {
	var out []string
	add := func(s string) {
		for _, line := range strings.Split(s, "\n") {
			if line == "" {
				out = append(out, "")
				continue
			}
			out = append(out, strings.Split(ansi.Wrap(line, width, " "), "\n")...)
		}
	}
	heading := func(s string) {
		out = append(out, "", m.st.title.Render(s))
	}

	add(m.st.severity(f.Severity).Render(strings.ToUpper(string(f.Severity))) + " " + m.st.bold.Render(f.Title))
	add(fmt.Sprintf("%s · confidence %s · %s · id %s", f.Detector, f.Confidence, f.Category, short(f.ID)))
	where := locationText(f.Location)
	if fn := qualified(f.Location); fn != "" {
		where += " in " + fn
	}
	add(where)
	add(f.Message)

	if len(f.Related) > 0 {
		heading("Related locations (tab to jump)")
		for i, r := range f.Related {
			marker := "  "
			if m.loc == i+1 {
				marker = "> "
			}
			add(fmt.Sprintf("%s%d. %s  %s", marker, i+1, locationText(r.Location), r.Message))
		}
	}
	if rv := f.Review; rv != nil {
		heading("Review")
		line := string(rv.Status)
		if !rv.Time.IsZero() {
			line += " · " + rv.Time.UTC().Format("2006-01-02 15:04")
		}
		add(line)
		if rv.Note != "" {
			add(rv.Note)
		}
	}
	if s := f.Symbolic; s != nil {
		heading("Symbolic execution")
		line := string(s.Status)
		if s.Replayed {
			line += " (replayed on the EVM)"
		}
		add(line)
		for i, tx := range s.Witness {
			fn := tx.Function
			if fn == "" {
				fn = tx.Calldata
			}
			add(fmt.Sprintf("  tx %d: %s → %s value %s %s", i+1, tx.From, tx.To, tx.Value, fn))
		}
	}
	if t := f.Triage; t != nil {
		heading("Model verdict")
		line := fmt.Sprintf("%s (confidence %.2f)", t.Verdict, t.Confidence)
		if t.Model != "" {
			line += " by " + t.Model
		}
		add(line)
		if t.Rationale != "" {
			add(t.Rationale)
		}
		if t.Exploit != "" {
			add("Exploit: " + t.Exploit)
		}
		if t.Fix != "" {
			add("Fix: " + t.Fix)
		}
	}
	if m.ask.id == f.ID && (m.ask.running || m.ask.err != "" || m.ask.cancelled || m.ask.text.Len() > 0) {
		title := "Model explanation and fix"
		if m.ask.running {
			title += " " + m.ask.spinner.View() + " (esc cancels)"
		}
		heading(title)
		m.ask.firstLine = len(out) - 1
		if m.ask.text.Len() > 0 {
			add(m.ask.text.String())
		}
		if m.ask.err != "" {
			add(m.st.errText.Render("cannot ask the model: " + m.ask.err))
		}
		if m.ask.cancelled {
			add(m.st.dim.Render("(cancelled)"))
		}
		m.ask.lastLine = len(out) - 1
	}
	if a := m.opts.Doc.Detector(f.Detector); a != nil {
		for _, sec := range [][2]string{{"About " + a.ID, a.Description}, {"Exploit scenario", a.Exploit}, {"Recommendation", a.Recommendation}} {
			if strings.TrimSpace(sec[1]) != "" {
				heading(sec[0])
				add(strings.TrimSpace(sec[1]))
			}
		}
	}
	return out
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

func qualified(l analyzers.Location) string {
	switch {
	case l.Contract != "" && l.Function != "":
		return l.Contract + "." + l.Function
	case l.Contract != "":
		return l.Contract
	}
	return l.Function
}
