package tui

import (
	"strings"
	"testing"
)

func TestHighlighterUsesTheParsersLexer(t *testing.T) {
	h := newHighlighter()
	src := "contract A {\n    // note\n    function f() external { uint256 x = 0x10; string s = \"hi\"; }\n}\n"
	lines := h.lines("A.sol", src)
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4", len(lines))
	}
	classes := map[string]string{}
	for _, l := range lines {
		for _, s := range l {
			if w := strings.TrimSpace(s.text); w != "" {
				classes[w] = s.class
			}
		}
	}
	for text, want := range map[string]string{"contract": "keyword", "function": "keyword", "// note": "comment",
		"uint256": "type", "0x10": "number", `"hi"`: "string"} {
		if classes[text] != want {
			t.Errorf("%q is classed %q, want %q (all: %v)", text, classes[text], want, classes)
		}
	}
	// The text survives tokenising unchanged.
	var back strings.Builder
	for i, l := range lines {
		if i > 0 {
			back.WriteByte('\n')
		}
		for _, s := range l {
			back.WriteString(s.text)
		}
	}
	if back.String()+"\n" != src {
		t.Errorf("round trip:\n%q\nwant\n%q", back.String(), src)
	}
}

func TestRenderLineMarksSpansAndExpandsTabs(t *testing.T) {
	st := newStyles(false)
	segs := []segment{{text: "\tx = y;", class: ""}}
	if got := renderLine(&st, segs, 1, nil, 80); got != "    x = y;" {
		t.Errorf("tab not expanded: %q", got)
	}
	if got := renderLine(&st, segs, 1, nil, 6); got != "    x " {
		t.Errorf("not cut to the width: %q", got)
	}
	col := newStyles(true)
	got := renderLine(&col, segs, 1, []mark{{startLine: 1, startCol: 2, endLine: 1, endCol: 3, primary: true}}, 80)
	if !strings.Contains(got, "\x1b[") || !strings.HasPrefix(got, "    ") || !strings.Contains(got, "x") {
		t.Errorf("marked span not styled: %q", got)
	}
	m := mark{startLine: 2, startCol: 5, endLine: 4, endCol: 3}
	for _, c := range []struct {
		line, col int
		want      bool
	}{{1, 9, false}, {2, 4, false}, {2, 5, true}, {3, 1, true}, {4, 2, true}, {4, 3, false}, {5, 1, false}} {
		if m.covers(c.line, c.col) != c.want {
			t.Errorf("covers(%d,%d) = %v", c.line, c.col, !c.want)
		}
	}
}
