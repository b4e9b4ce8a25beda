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
func Write(name string, data []byte) error {
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
