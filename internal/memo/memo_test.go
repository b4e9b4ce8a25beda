package memo

import (
	"sync"
	"testing"
)

// Racing goroutines all get the value stored first, and build runs again
// only for keys not stored yet.
func TestFirstStoredWins(t *testing.T) {
	var m Map[int, *int]
	var wg sync.WaitGroup
	got := make([]*int, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = m.Get(1, func() *int { v := i; return &v })
		}()
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("goroutine %d got %p, goroutine 0 %p: callers must share the stored value", i, got[i], got[0])
		}
	}
	builds := 0
	m.Get(1, func() *int { builds++; return nil })
	m.Get(2, func() *int { builds++; return nil })
	if builds != 1 {
		t.Errorf("build ran %d times for one stored and one new key, want 1", builds)
	}
	if v, ok := m.Load(3); ok || v != nil {
		t.Errorf("Load of a missing key = %v, %v", v, ok)
	}
}
