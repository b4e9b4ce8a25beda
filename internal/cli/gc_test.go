package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestPauseGCRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(250)
	defer debug.SetGCPercent(before)
	resume := pauseGC()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("while paused the GC percent is %d, want -1 (off)", p)
	}
	if l := debug.SetMemoryLimit(-1); l != staticStageMemory {
		t.Errorf("while paused the memory limit is %d, want %d", l, staticStageMemory)
	}
	resume()
	resume() // a second call changes nothing
	if p := debug.SetGCPercent(-1); p != 250 {
		t.Errorf("after resume the GC percent is %d, want 250 back", p)
	}
	debug.SetGCPercent(250)
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("after resume the memory limit is %d, want none", l)
	}
}

func TestPauseGCLeavesUserSettings(t *testing.T) {
	t.Setenv("GOGC", "100")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	resume := pauseGC()
	defer resume()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("with GOGC set, pauseGC changed the GC percent to %d", p)
	}
}

// A scan keeps the collector off through its report and turns it back on
// before it returns, however it ends: in-process callers (tests, the TUI's
// caller) must not be left without a collector.
func TestScanRestoresGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(250)
	defer debug.SetGCPercent(before)
	empty := t.TempDir()
	for name, args := range map[string][]string{
		"report":      {"scan", "--quiet", "--format", "json", "--fail-on", "none", "../../examples"},
		"findings":    {"scan", "--quiet", "--fail-on", "low", "../../examples"},
		"no sources":  {"scan", "--quiet", empty},
		"bad exclude": {"scan", "--quiet", "--exclude", "[", "../../examples"},
	} {
		run(t, args...)
		if p := debug.SetGCPercent(250); p != 250 {
			t.Errorf("%s: after the scan the GC percent is %d, want 250 back", name, p)
		}
		if l := debug.SetMemoryLimit(math.MaxInt64); l == staticStageMemory {
			t.Errorf("%s: after the scan the static stage's memory limit is still set", name)
		}
	}
}
