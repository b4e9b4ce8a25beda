package llm

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/atomicfile"
)

// CacheDir is where verdicts are cached, relative to the scanned project's
// root.
const CacheDir = ".sleuth/cache/llm"

// Cache stores verdicts on disk, one small JSON file per key, so a rerun
// over unchanged code is instant and gives the same answers. Keys hash the
// model's name and the whole request (prompt, schema, options): any
// change to the code, the prompt or the model's settings misses.
type Cache struct {
	dir string
}

// OpenCache returns the cache under a project root. Nothing is created
// until the first Put.
func OpenCache(root string) *Cache {
	return &Cache{dir: filepath.Join(root, filepath.FromSlash(CacheDir))}
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// CacheKey hashes a model name and a request.
func CacheKey(model string, request []byte) string {
	h := sha256.New()
	h.Write([]byte(PromptVersion + "\x00" + model + "\x00"))
	h.Write(request)
	return hex.EncodeToString(h.Sum(nil))
}

type cacheEntry struct {
	Key    string            `json:"key"`
	Model  string            `json:"model"`
	Triage *analyzers.Triage `json:"triage"`
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// Get returns the cached verdict for key. A missing, unreadable or invalid
// entry is a miss.
func (c *Cache) Get(key string) (*analyzers.Triage, bool) {
	if c == nil || len(key) < 3 {
		return nil, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Key != key || ValidTriage(e.Triage) != nil {
		return nil, false
	}
	return e.Triage, true
}

// Put stores a verdict, atomically: concurrent scans never read half an
// entry.
func (c *Cache) Put(key string, t *analyzers.Triage) error {
	if c == nil || len(key) < 3 {
		return nil
	}
	data, err := json.MarshalIndent(cacheEntry{Key: key, Model: t.Model, Triage: t}, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(c.path(key))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// The cache is not source: keep it out of version control.
	ignore := filepath.Join(filepath.Dir(c.dir), ".gitignore")
	if _, err := os.Stat(ignore); os.IsNotExist(err) {
		_ = os.WriteFile(ignore, []byte("# sleuth's cache; safe to delete\n*\n"), 0o644)
	}
	return atomicfile.Write(c.path(key), append(data, '\n'))
}
