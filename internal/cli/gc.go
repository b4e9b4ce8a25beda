package cli

import (
	"os"
	"runtime/debug"
	"sync"
)

// staticStageMemory is the heap the static stage may grow to before the
// collector runs: about seven times what a scan of all of OpenZeppelin
// allocates, and far below what a CI runner has.
const staticStageMemory = 1 << 30

// pauseGC lets the heap grow up to staticStageMemory, without collecting,
// until the returned function is called (once or more). The static stage
// (load, parse, model, detectors) allocates several times what stays live
// and ends soon after; collecting every few megabytes meanwhile costs a
// scan of OpenZeppelin about a tenth of its CPU. A larger project still
// gets collected, at the limit. GOGC or GOMEMLIMIT set by the user win.
func pauseGC() (resume func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(staticStageMemory)
	var once sync.Once
	return func() {
		once.Do(func() {
			debug.SetMemoryLimit(limit)
			debug.SetGCPercent(percent)
		})
	}
}
