package parser

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// DefaultMaxFileSize is the largest file Load parses when Config.MaxFileSize
// is zero. Real Solidity files stay far below it; anything bigger is
// generated or not Solidity, and would cost seconds to parse.
const DefaultMaxFileSize = 16 << 20

// readSource reads a file to parse. A non-empty reason means it must be
// skipped. The file is checked to be regular before it is opened, since
// opening a FIFO blocks; its size is checked before reading, and the read
// is capped in case the file grows meanwhile.
func readSource(abs string, limit int64) (content []byte, reason string) {
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", plainErr(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, "not a regular file; not parsed"
	}
	if fi.Size() > limit {
		return nil, fmt.Sprintf("file too large to parse (%s; the limit is %s)", byteSize(fi.Size()), byteSize(limit))
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", plainErr(err))
	}
	defer f.Close()
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead) // one allocation, no regrowth at EOF
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", plainErr(err))
	}
	content = buf.Bytes()
	if int64(len(content)) > limit {
		return nil, fmt.Sprintf("file too large to parse (over the %s limit)", byteSize(limit))
	}
	return content, ""
}

// checkContent reports what is wrong with a file's bytes. skip is set for
// binary files (a NUL byte), which are not Solidity and not parsed.
func checkContent(f *source.File) (d *source.Diagnostic, skip bool) {
	c := f.Content
	if i := bytes.IndexByte(c, 0); i >= 0 {
		d := source.At(f.Span(i, i+1), source.Error, "binary file (NUL byte): not parsed")
		return &d, true
	}
	if len(c) == 0 {
		d := source.Diagnostic{File: f.Path, Severity: source.Info, Message: "empty file"}
		return &d, false
	}
	if !f.IsASCII() && !utf8.Valid(c) {
		i := firstInvalidUTF8(c)
		d := source.At(f.Span(i, i+1), source.Warning,
			fmt.Sprintf("file is not valid UTF-8 (byte 0x%02x); parsed anyway", c[i]))
		return &d, false
	}
	return nil, false
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
