package compile

import (
	"fmt"
	"strconv"
	"strings"
)

// srcEntry is one decoded source-map entry: the source range of one
// instruction.
type srcEntry struct {
	start, length, file int
}

// decodeSourceMap expands solc's compressed source map ("s:l:f:j:m;…", each
// empty field repeating the previous entry's value) into one entry per
// instruction.
func decodeSourceMap(m string) ([]srcEntry, error) {
	if m == "" {
		return nil, nil
	}
	items := strings.Split(m, ";")
	out := make([]srcEntry, 0, len(items))
	cur := srcEntry{file: -1}
	for i, item := range items {
		fields := strings.Split(item, ":")
		for k, f := range fields {
			if f == "" || k > 2 { // jump type and modifier depth are not needed
				continue
			}
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("source map entry %d: field %d: %q is not a number", i, k, f)
			}
			switch k {
			case 0:
				cur.start = n
			case 1:
				cur.length = n
			case 2:
				cur.file = n
			}
		}
		out = append(out, cur)
	}
	return out, nil
}

// instructionIndex maps each pc of code that starts an instruction to its
// index (solc's source maps have one entry per instruction), -1 elsewhere.
func instructionIndex(code []byte) []int {
	idx := make([]int, len(code))
	n := 0
	for pc := 0; pc < len(code); {
		idx[pc] = n
		n++
		op := code[pc]
		width := 1
		if op >= 0x60 && op <= 0x7f { // PUSH1..PUSH32
			width += int(op-0x60) + 1
		}
		for k := 1; k < width && pc+k < len(code); k++ {
			idx[pc+k] = -1
		}
		pc += width
	}
	return idx
}

// sourceIndex is the decoded runtime source map of an artifact.
type sourceIndex struct {
	entries []srcEntry
	instr   []int
	err     error
}

// PCSource maps a runtime pc to its source range (root-relative file, byte
// offset, length). ok is false for a pc that is not an instruction of the
// code, an instruction the compiler generated without a source (file -1),
// or when the artifact has no usable source map.
func (a *Artifact) PCSource(pc int) (file string, offset, length int, ok bool) {
	a.srcOnce.Do(func() {
		a.src.entries, a.src.err = decodeSourceMap(a.RuntimeMap)
		a.src.instr = instructionIndex(a.Runtime)
	})
	if a.src.err != nil || pc < 0 || pc >= len(a.src.instr) {
		return "", 0, 0, false
	}
	i := a.src.instr[pc]
	if i < 0 || i >= len(a.src.entries) {
		return "", 0, 0, false
	}
	e := a.src.entries[i]
	if e.file < 0 || e.file >= len(a.Sources) || a.Sources[e.file] == "" || e.start < 0 || e.length < 0 {
		return "", 0, 0, false
	}
	return a.Sources[e.file], e.start, e.length, true
}
