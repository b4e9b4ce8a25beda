package sevm

import (
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/sleuth-sec/sleuth/symbolic/smt"
)

// region concretizes an (offset, size) pair and grows memory over it.
func region(e *engine, s *pstate, offT, nT *smt.Term) (off, n int, err error) {
	if n, err = e.concretize(s, nT, 1<<16); err != nil || n == 0 {
		return 0, n, err
	}
	if off, err = e.concretize(s, offT, maxMemory); err != nil {
		return 0, 0, err
	}
	if !s.mem.grow(off, n) {
		return 0, 0, errDrop
	}
	return off, n, nil
}

func defMemory() {
	def(vm.MLOAD, 1, func(e *engine, s *pstate) error {
		off, _, err := region(e, s, s.pop(), e.ctx.Uint(32))
		if err != nil {
			return err
		}
		return s.push(s.mem.load32(e.ctx, off))
	})
	def(vm.MSTORE, 2, func(e *engine, s *pstate) error {
		offT, v := s.pop(), s.pop()
		off, _, err := region(e, s, offT, e.ctx.Uint(32))
		if err != nil {
			return err
		}
		s.mem.store32(e.ctx, off, v)
		return nil
	})
	def(vm.MSTORE8, 2, func(e *engine, s *pstate) error {
		offT, v := s.pop(), s.pop()
		off, _, err := region(e, s, offT, e.ctx.Uint(1))
		if err != nil {
			return err
		}
		s.mem.setByte(off, e.ctx.Extract(v, 7, 0))
		return nil
	})
	def(vm.MCOPY, 3, func(e *engine, s *pstate) error {
		dstT, srcT, nT := s.pop(), s.pop(), s.pop()
		src, n, err := region(e, s, srcT, nT)
		if err != nil || n == 0 {
			return err
		}
		dst, _, err := region(e, s, dstT, e.ctx.Uint(uint64(n)))
		if err != nil {
			return err
		}
		s.mem.write(dst, s.mem.bytes(e.ctx, src, n))
		return nil
	})
	def(vm.SLOAD, 1, func(e *engine, s *pstate) error {
		slot := s.pop()
		s.loaded[slot] = true
		v := e.ctx.Select(s.storage, slot)
		if sv, ok := slot.Uint(); ok {
			s.loadedVal[v] = *sv
		}
		return s.push(v)
	})
	def(vm.SSTORE, 2, func(e *engine, s *pstate) error {
		slot, v := s.pop(), s.pop()
		e.onStore(s, slot, v)
		s.storage = e.ctx.Store(s.storage, slot, v)
		s.changed = true
		return nil
	})
	def(vm.TLOAD, 1, func(e *engine, s *pstate) error {
		return s.push(e.ctx.Select(s.transient, s.pop()))
	})
	def(vm.TSTORE, 2, func(e *engine, s *pstate) error {
		slot, v := s.pop(), s.pop()
		s.transient = e.ctx.Store(s.transient, slot, v)
		return nil
	})
	for i := 0; i <= 4; i++ {
		topics := i
		def(vm.LOG0+vm.OpCode(i), 2+i, func(e *engine, s *pstate) error {
			offT, nT := s.pop(), s.pop()
			for j := 0; j < topics; j++ {
				s.pop()
			}
			_, _, err := region(e, s, offT, nT)
			return err
		})
	}
}

func opKeccak(e *engine, s *pstate) error {
	off, n, err := region(e, s, s.pop(), s.pop())
	if err != nil {
		return err
	}
	if n == 0 {
		return s.push(e.ctx.Keccak())
	}
	return s.push(e.ctx.Keccak(chunks(e.ctx, s.mem.bytes(e.ctx, off, n))...))
}
