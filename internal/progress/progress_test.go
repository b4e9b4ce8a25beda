package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSpinnerDrawsAndErases(t *testing.T) {
	var b bytes.Buffer
	r := New(&b, true)
	r.Delay, r.Interval = time.Millisecond, time.Millisecond
	stop := r.Start("parsing 3 files")
	time.Sleep(30 * time.Millisecond)
	stop()
	stop() // idempotent
	out := b.String()
	if !strings.Contains(out, "⠋ parsing 3 files ") {
		t.Errorf("no spinner line: %q", out)
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("spinner not erased: %q", out)
	}
}

// TestQuickStageDrawsNothing: stages shorter than the delay leave no trace.
func TestQuickStageDrawsNothing(t *testing.T) {
	var b bytes.Buffer
	r := New(&b, true)
	r.Delay = time.Hour
	r.Start("parsing")()
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

func TestDisabled(t *testing.T) {
	var b bytes.Buffer
	r := New(&b, false)
	r.Delay = 0
	stop := r.Start("x")
	time.Sleep(5 * time.Millisecond)
	stop()
	var nilR *Reporter
	nilR.Start("y")()
	if b.Len() != 0 {
		t.Errorf("disabled reporter wrote %q", b.String())
	}
}
