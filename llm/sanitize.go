package llm

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
//     words, separated by spaces or hyphens), or that hold markup or
//     anything but printable ASCII (lookalike letters, zero-width and
//     bidirectional characters), are replaced by a placeholder. Short
//     strings — selectors, signatures, terse revert reasons — are kept:
//     they can matter.
//  3. Identifiers whose words read like instructions
//     (ignorePreviousInstructions, AUDITED_SAFE, markAsFalsePositive,
//     IGNOREPREVIOUSINSTRUCTIONS) are renamed, consistently across the
//     whole prompt, so the code keeps its meaning but loses its voice.
//     Invisible characters outside strings are dropped.
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

// squashedPhrases are instruction-like phrases as they read with their
// word breaks removed: IGNOREPREVIOUSINSTRUCTIONS, markasfalsepositive,
// audited-safe. They are looked for inside each whitespace-separated token
// of a text, letters only, lower-cased, so that a name or a string that
// runs its words together is caught like one that separates them. Each is
// specific enough not to occur inside ordinary names (ignoreAllowance,
// isSafe, auditor, safeTransfer).
var squashedPhrases = []string{
	"ignoreprevious", "ignoreprior", "ignoreabove", "ignoreinstruction", "ignoreallprevious", "ignoreallinstruction",
	"disregardprevious", "disregardprior", "disregardabove", "disregardall", "forgetprevious", "forgetallprevious",
	"previousinstruction", "priorinstruction", "newinstruction", "systemprompt", "promptinjection",
	"falsepositive", "truepositive", "audited", "formallyverified",
	"notabug", "notvulnerable", "notavulnerab", "novulnerab", "notexploitable",
	"markasfalse", "markassafe", "markasbenign", "markasnotabug", "donotreport", "dontreport", "neverreport",
	"safetoignore", "thisissafe", "codeissafe", "contractissafe", "functionissafe", "findingissafe",
}

// IsInstructionLike reports whether text reads like an attempt to steer a
// reviewer: "ignore previous instructions", "audited, safe", "mark as false
// positive". Identifiers are split into words first, and words run
// together (IGNOREPREVIOUSINSTRUCTIONS) are caught too.
func IsInstructionLike(text string) bool {
	if instructionLike.MatchString(words(text)) {
		return true
	}
	for _, field := range strings.Fields(text) {
		sq := squash(field)
		for _, p := range squashedPhrases {
			if strings.Contains(sq, p) {
				return true
			}
		}
	}
	return false
}

// squash keeps only the letters of s, lower-cased.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// words lower-cases text and turns identifier word boundaries
// (camelCase, snake_case, kebab-case, digits, punctuation) into single
// spaces.
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
		case unicode.IsLetter(r) || r == '\'':
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
	removedNonASCII    = `"<string removed by sleuth: non-ASCII text>"`
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
		case c >= utf8.RuneSelf:
			// Not Solidity outside strings and comments, but the parser may
			// have let it through: keep visible text, drop the invisible
			// (zero-width, bidirectional overrides) that could hide some.
			r, n := utf8.DecodeRuneInString(src[i:])
			if !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r) && r != utf8.RuneError {
				b.WriteString(src[i : i+n])
			}
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// printableASCII reports whether s holds only printable ASCII, tabs and
// the escapes a Solidity string spells with them.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
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
	case len(strings.FieldsFunc(body, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })) >= 4:
		s.Strings++
		return removedProse
	case !printableASCII(body):
		// Lookalike letters, zero-width and bidirectional characters can
		// spell what the checks above look for without matching them.
		s.Strings++
		return removedNonASCII
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
