// Package progress shows that a long stage is still running: one spinner
// line on a terminal's standard error, drawn only after the stage has
// taken more than a moment and erased when it ends, so quick scans and
// piped output never see it. It is a few dozen lines rather than a
// dependency: nothing more is needed until the TUI, which brings its own.
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// frames is the spinner: braille dots, as most terminal tools draw it.
var frames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// Reporter draws spinners on w. A nil or disabled Reporter draws nothing,
// so callers need no conditionals.
type Reporter struct {
	w       io.Writer
	enabled bool
	// Delay is how long a stage runs before its spinner appears; Interval
	// is the redraw period.
	Delay, Interval time.Duration
}

// New returns a Reporter that draws on w when enabled (the caller decides:
// a terminal, and not --quiet).
func New(w io.Writer, enabled bool) *Reporter {
	return &Reporter{w: w, enabled: enabled, Delay: 250 * time.Millisecond, Interval: 100 * time.Millisecond}
}

// Start shows label with a spinner and the elapsed time until the returned
// function is called; that function erases the line and returns once
// nothing more will be written.
func (r *Reporter) Start(label string) (stop func()) {
	if r == nil || !r.enabled {
		return func() {}
	}
	quit := make(chan struct{})
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		drawn := false
		defer func() {
			if drawn {
				fmt.Fprint(r.w, "\r\x1b[K") // erase the spinner line
			}
		}()
		select {
		case <-quit:
			return
		case <-time.After(r.Delay):
		}
		tick := time.NewTicker(r.Interval)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(r.w, "\r\x1b[K%s %s %.1fs", frames[i%len(frames)], label, time.Since(start).Seconds())
			drawn = true
			select {
			case <-quit:
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(quit)
			<-done
		})
	}
}
