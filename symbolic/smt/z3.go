package smt

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/holiman/uint256"
)

// ErrNoZ3 means no z3 binary was found.
var ErrNoZ3 = errors.New("smt: z3 not found (install it: apt-get install z3)")

// Z3Options configures the z3 process.
type Z3Options struct {
	Path    string        // z3 binary; "" = look up "z3" on PATH
	Timeout time.Duration // per check; 0 = 10s
	Log     io.Writer     // when set, receives every command sent (debugging)
}

// Z3 is a Solver backed by a long-lived `z3 -in -smt2` process spoken to
// incrementally. A check that outlives its context kills the process; the
// next operation starts a fresh one and replays the open scopes, so a stuck
// query costs one Unknown, not the session.
type Z3 struct {
	path    string
	timeout time.Duration
	pr      *Printer

	frames [][]string // commands per scope, frame 0 = base scope
	terms  [][]*Term  // asserted terms per scope, for the keccak axioms
	proc   *z3proc
	setTO  int64 // timeout currently set in the process, ms
	log    io.Writer
	ctx    *Ctx

	// A check runs in a scope of its own, left open so the model can be
	// read; the next operation closes it (settle) and re-sends what Values
	// defined inside it.
	pending bool
	redo    []string
}

type z3proc struct {
	cmd    *exec.Cmd
	in     *bufio.Writer
	stdin  io.WriteCloser
	lines  chan string
	stderr *bytes.Buffer
	once   sync.Once
}

// NewZ3 starts z3 for terms of ctx.
func NewZ3(ctx *Ctx, opts Z3Options) (*Z3, error) {
	path := opts.Path
	if path == "" {
		p, err := exec.LookPath("z3")
		if err != nil {
			return nil, ErrNoZ3
		}
		path = p
	}
	to := opts.Timeout
	if to <= 0 {
		to = 10 * time.Second
	}
	z := &Z3{path: path, timeout: to, pr: NewPrinter(ctx), frames: [][]string{nil}, terms: [][]*Term{nil}, log: opts.Log, ctx: ctx}
	if err := z.start(); err != nil {
		return nil, err
	}
	return z, nil
}

func (z *Z3) start() error {
	cmd := exec.Command(z.path, "-in", "-smt2")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("smt: starting z3: %w", err)
	}
	p := &z3proc{cmd: cmd, stdin: stdin, in: bufio.NewWriterSize(stdin, 64<<10), lines: make(chan string, 64), stderr: &stderr}
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	z.proc = p
	z.setTO = -1
	z.pending, z.redo = false, nil
	z.write("(set-option :print-success false)", "(set-option :produce-models true)")
	for i, f := range z.frames {
		if i > 0 {
			z.write("(push 1)")
		}
		z.write(f...)
	}
	return nil
}

func (z *Z3) write(cmds ...string) {
	for _, c := range cmds {
		if z.log != nil {
			io.WriteString(z.log, c+"\n")
		}
		z.proc.in.WriteString(c)
		z.proc.in.WriteByte('\n')
	}
}

func (z *Z3) kill() {
	p := z.proc
	z.proc = nil
	if p == nil {
		return
	}
	p.once.Do(func() {
		p.stdin.Close()
		if p.cmd.Process != nil {
			p.cmd.Process.Kill()
		}
		// Unblock the reader goroutine so it can see EOF and exit.
		go func() {
			for range p.lines {
			}
		}()
		p.cmd.Wait()
	})
}

func (z *Z3) ensure() error {
	if z.proc != nil {
		z.settle()
		return nil
	}
	return z.start()
}

// settle closes the scope of the last check.
func (z *Z3) settle() {
	if z.pending {
		z.write("(pop 1)")
		z.write(z.redo...)
		z.pending, z.redo = false, nil
	}
}

// Push opens a scope.
func (z *Z3) Push() error {
	if err := z.ensure(); err != nil {
		return err
	}
	z.write("(push 1)")
	z.pr.Push()
	z.frames = append(z.frames, nil)
	z.terms = append(z.terms, nil)
	return nil
}

// Pop discards the innermost scope.
func (z *Z3) Pop() error {
	if len(z.frames) == 1 {
		return errors.New("smt: pop without push")
	}
	if err := z.ensure(); err != nil {
		return err
	}
	z.write("(pop 1)")
	z.pr.Pop()
	z.frames = z.frames[:len(z.frames)-1]
	z.terms = z.terms[:len(z.terms)-1]
	return nil
}

// Assert adds t (boolean) to the current scope.
func (z *Z3) Assert(t *Term) error {
	if t.Kind != KindBool {
		return fmt.Errorf("smt: assert of a non-boolean term")
	}
	if err := z.ensure(); err != nil {
		return err
	}
	cmds, e := z.pr.Define(t)
	cmds = append(cmds, "(assert "+e+")")
	z.write(cmds...)
	i := len(z.frames) - 1
	z.frames[i] = append(z.frames[i], cmds...)
	z.terms[i] = append(z.terms[i], t)
	return nil
}

// read waits for the next output line or the context.
func (z *Z3) read(ctx context.Context) (string, error) {
	if err := z.proc.in.Flush(); err != nil {
		z.kill()
		return "", fmt.Errorf("smt: writing to z3: %w", err)
	}
	select {
	case l, ok := <-z.proc.lines:
		if !ok {
			p := z.proc
			z.kill() // waits for the process, so stderr is complete
			return "", fmt.Errorf("smt: z3 exited: %s", strings.TrimSpace(p.stderr.String()))
		}
		return l, nil
	case <-ctx.Done():
		z.kill()
		return "", ctx.Err()
	}
}

// Check decides the current assertions.
func (z *Z3) Check(ctx context.Context) (Result, error) {
	if err := z.ensure(); err != nil {
		return Unknown, err
	}
	return z.CheckAssuming(ctx)
}

// CheckAssuming decides the assertions plus the assumptions. Their
// definitions stay (they constrain nothing); the assumptions do not.
func (z *Z3) CheckAssuming(ctx context.Context, as ...*Term) (Result, error) {
	if err := z.ensure(); err != nil {
		return Unknown, err
	}
	all := append([]*Term(nil), as...)
	for _, f := range z.terms {
		all = append(all, f...)
	}
	as = append(append([]*Term(nil), as...), KeccakAxioms(z.ctx, all)...)
	names := make([]string, 0, len(as))
	for _, t := range as {
		if t.IsTrue() {
			continue
		}
		if t.IsFalse() {
			return Unsat, nil
		}
		if t.Kind != KindBool {
			return Unknown, fmt.Errorf("smt: assumption of a non-boolean term")
		}
		cmds, e := z.pr.Define(t)
		z.write(cmds...)
		f := len(z.frames) - 1
		z.frames[f] = append(z.frames[f], cmds...)
		names = append(names, e)
	}
	// push/assert/check-sat-using rather than check-sat-assuming: z3 then
	// solves each query with its one-shot bit-vector pipeline instead of the
	// incremental core, about three times faster on these queries.
	z.write("(push 1)")
	for _, n := range names {
		z.write("(assert " + n + ")")
	}
	z.pending = true
	return z.run(ctx, "smt")
}

func (z *Z3) run(ctx context.Context, cmd string) (Result, error) {
	to := z.timeout
	if d, ok := ctx.Deadline(); ok {
		to = min(to, time.Until(d))
	}
	if to <= 0 {
		return Unknown, nil
	}
	if ms := to.Milliseconds() + 1; ms != z.setTO {
		z.write(fmt.Sprintf("(set-option :timeout %d)", ms))
		z.setTO = ms
	}
	if cmd == "smt" {
		cmd = fmt.Sprintf("(check-sat-using (try-for %s %d))", cmd, z.setTO)
	}
	z.write(cmd)
	// A grace period past z3's own timeout before the process is killed.
	cctx, cancel := context.WithTimeout(ctx, to+2*time.Second)
	defer cancel()
	for {
		l, err := z.read(cctx)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
				return Unknown, nil
			}
			return Unknown, err
		}
		switch strings.TrimSpace(l) {
		case "sat":
			return Sat, nil
		case "unsat":
			return Unsat, nil
		case "unknown", "timeout":
			return Unknown, nil
		case "":
			continue
		}
		if strings.HasPrefix(l, "(error") {
			return Unknown, fmt.Errorf("smt: z3: %s", l)
		}
	}
}

// Values returns the model values of ts after a Sat check.
func (z *Z3) Values(ts ...*Term) ([]*uint256.Int, error) {
	if z.proc == nil {
		return nil, errors.New("smt: no model (the solver was restarted)")
	}
	out := make([]*uint256.Int, len(ts))
	var exprs []string
	var idx []int
	for i, t := range ts {
		switch {
		case t.Op == OpConst:
			out[i] = new(uint256.Int).Set(&t.Val)
			continue
		case t.Op == OpTrue:
			out[i] = uint256.NewInt(1)
			continue
		case t.Op == OpFalse:
			out[i] = uint256.NewInt(0)
			continue
		case t.Kind == KindArray:
			return nil, errors.New("smt: Values of an array term")
		}
		// Defining a term adds no constraint, so the model stays valid.
		cmds, e := z.pr.Define(t)
		z.write(cmds...)
		f := len(z.frames) - 1
		z.frames[f] = append(z.frames[f], cmds...)
		if z.pending {
			z.redo = append(z.redo, cmds...)
		}
		exprs = append(exprs, e)
		idx = append(idx, i)
	}
	if len(exprs) == 0 {
		return out, nil
	}
	z.write("(get-value (" + strings.Join(exprs, " ") + "))")
	ctx, cancel := context.WithTimeout(context.Background(), z.timeout+5*time.Second)
	defer cancel()
	var buf strings.Builder
	depth := 0
	for {
		l, err := z.read(ctx)
		if err != nil {
			return nil, err
		}
		if buf.Len() == 0 && strings.HasPrefix(l, "(error") {
			return nil, fmt.Errorf("smt: z3: %s", l)
		}
		buf.WriteString(l)
		buf.WriteByte('\n')
		depth += parenDepth(l)
		if depth <= 0 && strings.TrimSpace(buf.String()) != "" {
			break
		}
	}
	e, err := parseSexp(buf.String())
	if err != nil {
		return nil, err
	}
	if !e.isL || len(e.list) != len(exprs) {
		return nil, fmt.Errorf("smt: unexpected get-value answer")
	}
	for j, pair := range e.list {
		if !pair.isL || len(pair.list) != 2 {
			return nil, fmt.Errorf("smt: unexpected get-value pair")
		}
		v, err := pair.list[1].value()
		if err != nil {
			return nil, err
		}
		out[idx[j]] = v
	}
	return out, nil
}

// parenDepth counts the net parentheses of a line outside quoted symbols.
func parenDepth(l string) int {
	d := 0
	quoted := false
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '|', '"':
			quoted = !quoted
		case '(':
			if !quoted {
				d++
			}
		case ')':
			if !quoted {
				d--
			}
		}
	}
	return d
}

// Close stops the process.
func (z *Z3) Close() error {
	if z.proc != nil {
		z.settle()
		z.write("(exit)")
		z.proc.in.Flush()
		z.kill()
	}
	return nil
}
