package sema

import "sync"

// memo is a map filled lazily while detectors run, and detectors run
// concurrently over one Program. Values are computed between load and
// store, outside the lock, so a computation may ask the memo again (types
// of nested expressions); when two goroutines race on a key they compute
// equal values and the first one stored wins, so every caller sees the
// same pointer.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *memo[K, V]) load(k K) (V, bool) {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	return v, ok
}

// store records v unless another goroutine got there first, and returns
// the value that stays.
func (c *memo[K, V]) store(k K, v V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok {
		return old
	}
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	return v
}
