// Package memo is a map that goroutines fill lazily together: the memos of
// the semantic model and of the detectors, which run concurrently over one
// program.
package memo

import "sync"

// Map memoises values by key, safe for concurrent use. Values are computed
// between Load and Store, outside the lock, so a computation may ask the
// map again (the types of nested expressions); two goroutines racing on a
// key compute equal values, and the first one stored wins, so every caller
// sees the same value.
type Map[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// Load returns the value stored for k, if any.
func (c *Map[K, V]) Load(k K) (V, bool) {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	return v, ok
}

// Store records v for k unless a value is there already, and returns the
// value that stays.
func (c *Map[K, V]) Store(k K, v V) V {
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

// Get returns the value for k, computing it with build the first time.
func (c *Map[K, V]) Get(k K, build func() V) V {
	if v, ok := c.Load(k); ok {
		return v
	}
	return c.Store(k, build())
}
