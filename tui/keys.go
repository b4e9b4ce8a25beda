package tui

import (
	"fmt"
	"strings"
)

// binding is one key and what it does; the help bar and the help screen
// are generated from these lists, so no key goes undocumented.
type binding struct{ keys, help string }

var listKeys = []binding{
	{"↑/↓ j/k", "move"},
	{"enter", "open"},
	{"/", "filter"},
	{"v", "min severity"},
	{"s", "sort/group"},
	{"t", "triage"},
	{"a", "ask the model"},
	{"e", "editor"},
	{"y", "copy location"},
	{"M", "export Markdown"},
	{"H", "hide reviewed FPs"},
	{"pgup/pgdn g/G", "page, top, bottom"},
	{"esc", "clear filter"},
	{"?", "help"},
	{"q", "quit"},
}

var findingKeys = []binding{
	{"esc", "back"},
	{"tab/N", "next/prev location"},
	{"↑/↓", "scroll details"},
	{"pgup/pgdn", "scroll source"},
	{"[/]", "prev/next finding"},
	{"t", "triage"},
	{"a", "ask the model"},
	{"e", "editor"},
	{"y", "copy location"},
	{"M", "export Markdown"},
	{"?", "help"},
	{"q", "quit"},
}

func (m *Model) keys() []binding {
	if m.screen == findingScreen {
		return findingKeys
	}
	return listKeys
}

// helpBar is the one-line key summary: as many bindings as fit, and always
// "? help" at the end so the rest are one key away.
func (m *Model) helpBar() string {
	ks := m.keys()
	var parts []string
	used := len("? help")
	for _, k := range ks {
		if k.keys == "?" || k.keys == "q" {
			continue
		}
		p := m.st.key.Render(k.keys) + " " + k.help
		w := len([]rune(k.keys)) + 1 + len(k.help) + 2
		if used+w+len("q quit  ") > m.width {
			break
		}
		parts = append(parts, p)
		used += w
	}
	parts = append(parts, m.st.key.Render("q")+" quit", m.st.key.Render("?")+" help")
	return strings.Join(parts, "  ")
}

// helpLines is the full help screen: every key of both screens, packed
// into as many columns as the width allows so it fits 80×24.
func (m *Model) helpLines(h int) []string {
	cols := max(1, m.width/38)
	out := []string{m.st.title.Render("Findings list")}
	out = append(out, packBindings(listKeys, cols)...)
	out = append(out, m.st.title.Render("Finding"))
	out = append(out, packBindings(findingKeys, cols)...)
	out = append(out, "",
		"Triage: t, then c confirmed, f false positive, n needs review, u unmark; a note,",
		"enter saves to .sleuth/triage.json; 'sleuth scan --reviewed hide' hides the FPs.",
		"a streams a local model's explanation and fix (Ollama); esc cancels.",
		"Any key closes this help.")
	return pad(out, h)
}

func packBindings(bs []binding, cols int) []string {
	var out []string
	for i := 0; i < len(bs); i += cols {
		var b strings.Builder
		for j := i; j < min(i+cols, len(bs)); j++ {
			fmt.Fprintf(&b, "  %-14s %-20s", bs[j].keys, bs[j].help)
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}
