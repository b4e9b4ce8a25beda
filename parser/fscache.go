package parser

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// fsCache remembers what the file system said about paths, so a file
// imported from a hundred places is looked up once. Safe for concurrent
// use. A load is short, so nothing is ever invalidated.
type fsCache struct {
	stats    sync.Map // path -> statInfo
	realDirs sync.Map // directory -> its path with symlinks resolved
}

type statInfo struct {
	mode    fs.FileMode // type bits of the target after following symlinks
	exists  bool
	symlink bool // the path itself is a symlink
}

func (s statInfo) regular() bool { return s.exists && s.mode.IsRegular() }

func (c *fsCache) stat(p string) statInfo {
	if v, ok := c.stats.Load(p); ok {
		return v.(statInfo)
	}
	var si statInfo
	if fi, err := os.Lstat(p); err == nil {
		si = statInfo{mode: fi.Mode().Type(), exists: true}
		if fi.Mode()&fs.ModeSymlink != 0 {
			si.symlink = true
			if fi, err := os.Stat(p); err == nil {
				si.mode = fi.Mode().Type()
			} else {
				si.exists = false // dangling, or a symlink loop
			}
		}
	}
	c.stats.Store(p, si)
	return si
}

// realPath resolves the symlinks in p, the key that makes every file load
// once however it is reached. Only the directory part goes through
// EvalSymlinks (cached), unless the file itself is a symlink.
func (c *fsCache) realPath(p string) string {
	if c.stat(p).symlink {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	return filepath.Join(c.realDir(filepath.Dir(p)), filepath.Base(p))
}

func (c *fsCache) realDir(d string) string {
	if v, ok := c.realDirs.Load(d); ok {
		return v.(string)
	}
	r, err := filepath.EvalSymlinks(d)
	if err != nil {
		r = d
	}
	c.realDirs.Store(d, r)
	return r
}
