package sevm

import (
	"github.com/holiman/uint256"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// maxMemory bounds memory growth on a path; beyond it the path is dropped
// (a real transaction would run out of gas long before).
const maxMemory = 1 << 20

// memory is byte-addressed EVM memory: concrete bytes in data, with the
// bytes that are symbolic overriding them in sym (8-bit terms). Most memory
// is concrete, so MLOAD of a concrete region never touches a term.
type memory struct {
	data []byte
	sym  map[int]*smt.Term
}

func (m *memory) clone() memory {
	c := memory{data: append([]byte(nil), m.data...)}
	if len(m.sym) > 0 {
		c.sym = make(map[int]*smt.Term, len(m.sym))
		for k, v := range m.sym {
			c.sym[k] = v
		}
	}
	return c
}

// grow makes room for [off, off+n).
func (m *memory) grow(off, n int) bool {
	if n == 0 {
		return true
	}
	end := off + n
	if end > maxMemory || end < off {
		return false
	}
	if end > len(m.data) {
		words := (end + 31) / 32
		m.data = append(m.data, make([]byte, words*32-len(m.data))...)
	}
	return true
}

func (m *memory) size() int { return len(m.data) }

// byteAt returns the 8-bit term at i.
func (m *memory) byteAt(c *smt.Ctx, i int) *smt.Term {
	if t, ok := m.sym[i]; ok {
		return t
	}
	return c.ConstW(uint256.NewInt(uint64(m.data[i])), 8)
}

func (m *memory) setByte(i int, t *smt.Term) {
	if v, ok := t.Uint(); ok {
		m.data[i] = byte(v.Uint64())
		delete(m.sym, i)
		return
	}
	if m.sym == nil {
		m.sym = map[int]*smt.Term{}
	}
	m.sym[i] = t
}

func (m *memory) concrete(off, n int) bool {
	if len(m.sym) == 0 {
		return true
	}
	for i := off; i < off+n; i++ {
		if _, ok := m.sym[i]; ok {
			return false
		}
	}
	return true
}

// load32 reads the word at off (memory already grown).
func (m *memory) load32(c *smt.Ctx, off int) *smt.Term {
	if m.concrete(off, 32) {
		return c.Const(new(uint256.Int).SetBytes(m.data[off : off+32]))
	}
	return wordOf(c, m.bytes(c, off, 32))
}

// bytes returns n 8-bit terms from off.
func (m *memory) bytes(c *smt.Ctx, off, n int) []*smt.Term {
	out := make([]*smt.Term, n)
	for i := range out {
		out[i] = m.byteAt(c, off+i)
	}
	return out
}

// store32 writes a word at off.
func (m *memory) store32(c *smt.Ctx, off int, v *smt.Term) {
	if x, ok := v.Uint(); ok && len(m.sym) == 0 {
		b := x.Bytes32()
		copy(m.data[off:], b[:])
		return
	}
	for i := 0; i < 32; i++ {
		m.setByte(off+i, c.Extract(v, 255-8*i, 248-8*i))
	}
}

// write copies byte terms to off.
func (m *memory) write(off int, bs []*smt.Term) {
	for i, b := range bs {
		m.setByte(off+i, b)
	}
}

// wordOf joins up to 32 bytes (big-endian) into a 256-bit word, padding on
// the right with zero bytes.
func wordOf(c *smt.Ctx, bs []*smt.Term) *smt.Term {
	var w *smt.Term
	for _, b := range bs {
		if w == nil {
			w = b
		} else {
			w = c.Concat(w, b)
		}
	}
	if w == nil {
		return c.Uint(0)
	}
	if pad := 256 - w.Width; pad > 0 {
		w = c.Concat(w, c.ConstW(new(uint256.Int), pad))
	}
	return w
}

// chunks groups bytes into words (the last one possibly shorter) for keccak.
func chunks(c *smt.Ctx, bs []*smt.Term) []*smt.Term {
	var out []*smt.Term
	for i := 0; i < len(bs); i += 32 {
		j := min(i+32, len(bs))
		var w *smt.Term
		for _, b := range bs[i:j] {
			if w == nil {
				w = b
			} else {
				w = c.Concat(w, b)
			}
		}
		out = append(out, w)
	}
	return out
}
