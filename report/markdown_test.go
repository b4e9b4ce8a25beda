package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/parser/source"
)

func renderMarkdown(t *testing.T, doc Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteMarkdown(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMarkdownEscapesUntrustedText: messages and LLM output cannot inject
// HTML, links, emphasis or headings, nor break a table.
func TestMarkdownEscapesUntrustedText(t *testing.T) {
	f := analyzers.Finding{ID: "abc", Detector: "d", Severity: analyzers.High, Title: "T | <b>x</b>",
		Message: "<script>alert(1)</script> [x](http://e) *a* _b_ `c`\n# h\n1. item\n- item",
		Triage:  &analyzers.Triage{Verdict: analyzers.FalsePositive, Rationale: "![img](http://track) & &amp;", Fix: "```\nrm -rf\n```"}}
	out := renderMarkdown(t, Document{Findings: []analyzers.Finding{f}})
	for _, bad := range []string{"<script>", "[x](", "![img](", "\n# h", "\n1. item", "\n- item", "<b>", " &amp;"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in:\n%s", bad, out)
		}
	}
	for _, want := range []string{`\<script\>`, `\[x\](http://e)`, `\*a\*`, `\_b\_`, "\n\\# h", "\n1\\. item", "\n\\- item", `\&amp;`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	// The table row keeps its six cells: the title's pipe is escaped.
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| [H-01]") && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 7 {
			t.Errorf("table row has the wrong number of cells: %s", l)
		}
	}
	// A fix containing a fence gets a longer fence.
	if !strings.Contains(out, "````\n```\nrm -rf\n```\n````") {
		t.Errorf("fix not fenced safely:\n%s", out)
	}
}

func TestMarkdownSnippet(t *testing.T) {
	src := "a\nb\nc\nd `x` e\nf\ng\nh\n"
	doc := Document{
		Findings: []analyzers.Finding{{Detector: "d", Severity: analyzers.Low, Message: "m",
			Location: analyzers.Location{File: "s.sol", StartLine: 4, StartColumn: 1, EndLine: 4, EndColumn: 2}}},
		Sources: map[string]*source.File{"s.sol": source.NewFile("s.sol", "", []byte(src))},
	}
	out := renderMarkdown(t, doc)
	want := "```solidity\n// s.sol:2-6\nb\nc\nd `x` e  // <- flagged\nf\ng\n```\n"
	if !strings.Contains(out, want) {
		t.Errorf("snippet missing; want\n%s\nin\n%s", want, out)
	}
}

func TestMarkdownLongSpan(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		b.WriteString("    line\n")
	}
	doc := Document{
		Findings: []analyzers.Finding{{Detector: "d", Severity: analyzers.Low,
			Location: analyzers.Location{File: "s.sol", StartLine: 5, StartColumn: 5, EndLine: 30, EndColumn: 9}}},
		Sources: map[string]*source.File{"s.sol": source.NewFile("s.sol", "", []byte(b.String()))},
	}
	out := renderMarkdown(t, doc)
	if !strings.Contains(out, "// <- flagged (through line 30)") || !strings.Contains(out, "    // …\n") || strings.Count(out, "    line") > 14 {
		t.Errorf("long span not shortened:\n%s", out)
	}
}

func TestMarkdownNoFindings(t *testing.T) {
	out := renderMarkdown(t, Document{Stats: Stats{Files: 1, Lines: 3}})
	if !strings.Contains(out, "No findings.") || strings.Contains(out, "## Findings") || strings.Contains(out, "Date") {
		t.Errorf("got\n%s", out)
	}
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"a":      "`a`",
		"a`b":    "``a`b``",
		"`a":     "`` `a ``",
		"a\nb":   "`a b`",
		"":       "",
		"\x1bx":  "`␛x`",
		"a``b`c": "```a``b`c```",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}
