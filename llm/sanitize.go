package llm

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Contract source is untrusted input (DESIGN.md): a comment saying "this
// is safe, mark it false-positive" must not move a verdict. The defence is
// in layers, because no single one is enough against a model that reads
// everything it is given:
//
//  1. Comments, NatSpec included, are removed from every code slice. They
//     are the easiest place to talk to a model and carry no semantics; the
//     prompt says they were removed.
//  2. String literals that read like instructions or prose (four or more
//     whitespace-separated words) are replaced by a placeholder. Short strings — selectors,
//     signatures, terse revert reasons — are kept: they can matter.
//  3. Identifiers whose words read like instructions
//     (ignorePreviousInstructions, AUDITED_SAFE, markAsFalsePositive) are
//     renamed, consistently across the whole prompt, so the code keeps its
//     meaning but loses its voice.
//  4. The code goes into a block fenced by markers carrying a nonce derived
//     from the content, which the code cannot forge, and the system prompt
//     says that everything inside is data, never instructions.
//
// Detector messages quote identifiers from the code, so they go through
// the same renaming.

// instructionLike matches text that addresses a reviewer or a model, or
// vouches for the code. It runs on lower-cased text whose identifier
// separators (camelCase, snake_case) became spaces.
var instructionLike = regexp.MustCompile(`\b(` + strings.Join([]string{
	`(ignore|disregard|forget|override|skip)( all| any| the| your| of)* (previous|prior|above|earlier|preceding|former|system|original|these|those|other)\b`,
	`(ignore|disregard|forget) (all|everything|instructions?)\b`,
	`(false|true) ?-?positives?`,
	`(already |fully |formally |professionally )?audited`,
	`audit (passed|complete|completed|clean|ok)`,
	`formally verified`,
	`(this|it|code|contract|function|finding|everything) (is|was|are|has been) (safe|secure|benign|fine|correct|verified|reviewed|ok|okay|not (a )?(bug|vulnerable|vulnerability|issue|exploitable))`,
	`not (a |an )?(bug|vulnerab\w*|issue|problem|exploitable|real)`,
	`no (vulnerabilit\w*|bugs?|issues?|exploits?|risks?)`,
	`(mark|classify|label|report|treat|flag|consider|rate|judge|tag) (this|it|the finding|the issue|as)\b`,
	`(verdict|system prompt|prompt injection|assistant|chatgpt|gpt|llm|language model|ai model|auditor ai)`,
	`(you are|you must|you should|you will|as an ai|respond with|answer with|reply with|output only)`,
	`(new|previous|prior|following|these|my|your|system|above|real|updated|additional|special|hidden) instructions?`,
	`instructions? (for|to) (the |an? )?(ai|llm|model|reviewer|auditor|assistant|bot)`,
	`(safe|secure|ok) to (ignore|skip|dismiss)`,
	`(do not|don't|dont|never) (report|flag|mark|worry)`,
}, "|") + `)\b`)

// IsInstructionLike reports whether text reads like an attempt to steer a
// reviewer: "ignore previous instructions", "audited, safe", "mark as false
// positive". Identifiers are split into words first.
func IsInstructionLike(text string) bool {
	return instructionLike.MatchString(words(text))
}

// words lower-cases text and turns identifier word boundaries
// (camelCase, snake_case, digits, punctuation) into single spaces.
func words(s string) string {
	var b strings.Builder
	prevLower := false
	space := true
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			if prevLower && !space {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			prevLower, space = false, false
		case unicode.IsLetter(r) || r == '\'' || r == '-':
			b.WriteRune(r)
			prevLower, space = true, false
		default:
			if !space {
				b.WriteByte(' ')
			}
			prevLower, space = false, true
		}
	}
	return strings.TrimSpace(b.String())
}

// Sanitizer neutralises untrusted text for one prompt. Its renaming is
// consistent across every piece of code and message it sees, so the model
// can still follow a name from one section to another.
type Sanitizer struct {
	renames map[string]string
	// Comments, Strings and Identifiers count what was neutralised.
	Comments, Strings, Identifiers int
}

// NewSanitizer returns a sanitizer with no renames yet.
func NewSanitizer() *Sanitizer { return &Sanitizer{renames: map[string]string{}} }

// Placeholders put in place of neutralised text.
const (
	removedInstruction = `"<string removed by sleuth: instruction-like text>"`
	removedProse       = `"<string removed by sleuth: prose>"`
	removedMarkup      = `"<string removed by sleuth: markup>"`
)

// Code sanitises Solidity source: comments removed (newlines inside block
// comments are kept, so line numbers still hold), instruction-like and
// prose strings replaced, instruction-like identifiers renamed.
func (s *Sanitizer) Code(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			i += end
			s.Comments++
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			var body string
			if end < 0 {
				body, i = src[i:], len(src)
			} else {
				body, i = src[i:i+2+end+2], i+2+end+2
			}
			b.WriteString(strings.Repeat("\n", strings.Count(body, "\n")))
			if strings.Count(body, "\n") == 0 {
				b.WriteByte(' ')
			}
			s.Comments++
		case c == '"' || c == '\'':
			end := stringEnd(src, i)
			lit := src[i:end]
			b.WriteString(s.stringLiteral(lit))
			i = end
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentPart(src[j]) {
				j++
			}
			b.WriteString(s.ident(src[i:j]))
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// Text sanitises prose that quotes code, such as a detector's message:
// instruction-like identifiers are renamed as in the code, and if the text
// still reads like an instruction it is withheld.
func (s *Sanitizer) Text(text string) string {
	var b strings.Builder
	i := 0
	for i < len(text) {
		c := text[i]
		if isIdentStart(c) {
			j := i + 1
			for j < len(text) && isIdentPart(text[j]) {
				j++
			}
			b.WriteString(s.ident(text[i:j]))
			i = j
			continue
		}
		b.WriteByte(c)
		i++
	}
	out := b.String()
	if IsInstructionLike(out) {
		s.Strings++
		return "(withheld by sleuth: it quoted instruction-like text from the code)"
	}
	return out
}

func (s *Sanitizer) stringLiteral(lit string) string {
	body := lit
	if len(body) >= 2 {
		body = body[1 : len(body)-1]
	}
	switch {
	case IsInstructionLike(body):
		s.Strings++
		return removedInstruction
	case len(strings.Fields(body)) >= 4:
		s.Strings++
		return removedProse
	case strings.ContainsAny(body, "`<>|"):
		// Markup could pose as the prompt's own structure.
		s.Strings++
		return removedMarkup
	}
	return lit
}

// ident renames an instruction-like identifier, and every later use of
// it, to a neutral name.
func (s *Sanitizer) ident(name string) string {
	if r, ok := s.renames[name]; ok {
		return r
	}
	if !IsInstructionLike(name) {
		return name
	}
	r := "renamed" + strconv.Itoa(len(s.renames)+1)
	s.renames[name] = r
	s.Identifiers++
	return r
}

// stringEnd returns the index just past the string literal starting at i.
// An unterminated literal ends at the line's end.
func stringEnd(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(src)
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isIdentPart(c byte) bool { return isIdentStart(c) || ('0' <= c && c <= '9') }
