// Package atomicfile writes files so that readers see the old contents or
// the new, never half of either: reports, baselines, the triage store and
// the verdict cache all go through it.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to a temporary file beside name, then renames it into
// place with mode 0644. The directory must exist.
//
// Only regular files are replaced that way. A name that is a device, a
// FIFO or a socket (-o /dev/null, /dev/stdout, a pipe) is written in
// place: renaming over it would replace /dev/null itself with a file when
// running as root. A symbolic link is followed, so the link survives and
// its target gets the new contents.
func Write(name string, data []byte) error {
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		return writeInPlace(name, data)
	}
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes 0600 files; reports are meant to be shared.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

func writeInPlace(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
