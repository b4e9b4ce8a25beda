package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	bt "github.com/charmbracelet/bubbletea"
)

// askState is one question to the model: its answer streams in as
// messages while the UI stays responsive, and esc cancels it.
type askState struct {
	spinner   spinner.Model
	running   bool
	ch        <-chan bt.Msg
	gen       int // bumps on every ask, so chunks of a cancelled one are dropped
	id        string
	text      strings.Builder
	err       string
	cancelled bool
	stop      context.CancelFunc
	// follow keeps the answer in view as it streams, until the user
	// scrolls; firstLine and lastLine are where the detail pane drew it.
	follow              bool
	firstLine, lastLine int
}

// cancel stops the question being asked, if any.
func (a *askState) cancel() {
	if a.stop != nil {
		a.stop()
		a.stop = nil
	}
	if a.running {
		a.running = false
		a.cancelled = true
	}
}

type askChunkMsg struct {
	gen  int
	text string
}

type askDoneMsg struct {
	gen int
	err error
}

// chanWriter hands what the Asker writes to the UI as messages. It gives
// up when the question is cancelled, so an Asker blocked on a write
// returns.
type chanWriter struct {
	ctx context.Context
	gen int
	ch  chan<- bt.Msg
}

func (w chanWriter) Write(p []byte) (int, error) {
	select {
	case w.ch <- askChunkMsg{gen: w.gen, text: string(p)}:
		return len(p), nil
	case <-w.ctx.Done():
		return 0, w.ctx.Err()
	}
}

// waitFor is the command that delivers the next message of a question.
func waitFor(ch <-chan bt.Msg) bt.Cmd {
	return func() bt.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

func (m *Model) startAsk() bt.Cmd {
	f, ok := m.Selected()
	if !ok {
		return nil
	}
	m.ask.cancel()
	m.ask.gen++
	m.ask.id, m.ask.err, m.ask.cancelled = f.ID, "", false
	m.ask.text.Reset()
	if m.screen != findingScreen {
		m.openFinding()
	}
	m.ask.follow = true
	if m.opts.Asker == nil {
		reason := m.opts.NoAskerReason
		if reason == "" {
			reason = "no model is configured"
		}
		m.ask.err = reason
		return nil
	}
	ctx, stop := context.WithCancel(context.Background())
	m.ask.stop, m.ask.running = stop, true
	ch := make(chan bt.Msg, 64)
	gen, asker := m.ask.gen, m.opts.Asker
	go func() {
		defer close(ch)
		err := asker.Ask(ctx, f, chanWriter{ctx: ctx, gen: gen, ch: ch})
		select {
		case ch <- askDoneMsg{gen: gen, err: err}:
		case <-ctx.Done():
		}
	}()
	m.ask.ch = ch
	return bt.Batch(waitFor(ch), m.ask.spinner.Tick)
}

func (m *Model) updateAsk(msg bt.Msg) bt.Cmd {
	switch msg := msg.(type) {
	case askChunkMsg:
		if msg.gen != m.ask.gen || !m.ask.running {
			return nil
		}
		m.ask.text.WriteString(msg.text)
		return waitFor(m.ask.ch)
	case askDoneMsg:
		if msg.gen != m.ask.gen || !m.ask.running {
			return nil
		}
		m.ask.running = false
		if m.ask.stop != nil {
			m.ask.stop()
			m.ask.stop = nil
		}
		if msg.err != nil {
			m.ask.err = msg.err.Error()
		}
	}
	return nil
}
