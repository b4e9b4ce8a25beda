package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"
)

// runeStream is the antlr.CharStream behind solidityLexer's tokens, where
// their GetText reads. It behaves as antlr.InputStream, indexed by rune,
// but converts the text to runes only if it is not ASCII, and only once
// it is read: ASCII text, nearly all Solidity, is read in place.
type runeStream struct {
	text  string
	ascii bool
	size  int    // in runes
	runes []rune // the text as runes, built on first use; nil for ASCII
	index int
}

var _ antlr.CharStream = (*runeStream)(nil)

func newRuneStream(text string) *runeStream {
	if isASCII(text) {
		return &runeStream{text: text, ascii: true, size: len(text)}
	}
	// An invalid byte counts as one character, as in []rune(text).
	return &runeStream{text: text, size: utf8.RuneCountInString(text)}
}

func (s *runeStream) at(i int) rune {
	if s.ascii {
		return rune(s.text[i])
	}
	if s.runes == nil {
		s.runes = []rune(s.text)
	}
	return s.runes[i]
}

func (s *runeStream) Consume() {
	if s.index < s.size {
		s.index++
	}
}

func (s *runeStream) LA(offset int) int {
	if offset == 0 {
		return 0
	}
	if offset < 0 {
		offset++
	}
	pos := s.index + offset - 1
	if pos < 0 || pos >= s.size {
		return antlr.TokenEOF
	}
	return int(s.at(pos))
}

func (s *runeStream) Mark() int                                   { return -1 }
func (s *runeStream) Release(int)                                 {}
func (s *runeStream) Index() int                                  { return s.index }
func (s *runeStream) Size() int                                   { return s.size }
func (s *runeStream) GetSourceName() string                       { return "Obtained from string" }
func (s *runeStream) String() string                              { return s.text }
func (s *runeStream) Seek(index int)                              { s.index = max(0, min(index, s.size)) }
func (s *runeStream) GetTextFromInterval(i antlr.Interval) string { return s.GetText(i.Start, i.Stop) }

// GetText returns the characters start through stop, clipped to the text.
func (s *runeStream) GetText(start, stop int) string {
	if stop >= s.size {
		stop = s.size - 1
	}
	if start < 0 {
		start = 0
	}
	if start >= s.size || stop < start {
		return ""
	}
	if s.ascii {
		return strings.Clone(s.text[start : stop+1]) // not to keep the input alive
	}
	s.at(0)
	// Invalid UTF-8 reads back as U+FFFD, as from ANTLR's stream.
	return string(s.runes[start : stop+1])
}

func (s *runeStream) GetTextFromTokens(start, stop antlr.Token) string {
	if start == nil || stop == nil {
		return ""
	}
	// As antlr.InputStream does: the tokens' indexes, taken as characters.
	return s.GetText(start.GetTokenIndex(), stop.GetTokenIndex())
}

// isASCII reports whether s has no byte above 0x7F, eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
