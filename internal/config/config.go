// Package config reads sleuth.toml, the project's settings file, found by
// walking up from the scanned path. Command-line flags override it.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"
)

// FileName is the name looked for in the scanned directory and its parents.
const FileName = "sleuth.toml"

// Config is the content of sleuth.toml. Zero values mean "not set".
type Config struct {
	Scan      Scan      `toml:"scan"`
	Detectors Detectors `toml:"detectors"`
	LLM       LLM       `toml:"llm"`
}

// Scan holds what to scan and when to fail.
type Scan struct {
	Exclude      []string `toml:"exclude"`
	IncludeTests bool     `toml:"include-tests"`
	IncludeDeps  bool     `toml:"include-deps"`
	FailOn       string   `toml:"fail-on"`
	MinSeverity  string   `toml:"min-severity"`
}

// Detectors turns detectors on and off and overrides severities.
type Detectors struct {
	// Enable, when not empty, runs only these detectors.
	Enable []string `toml:"enable"`
	// Disable turns detectors off.
	Disable []string `toml:"disable"`
	// Severity overrides a detector's severity: {timestamp = "info"}.
	Severity map[string]string `toml:"severity"`
}

// LLM configures triage by a local model.
type LLM struct {
	Enabled bool   `toml:"enabled"`
	Model   string `toml:"model"`
	Host    string `toml:"host"`
}

// Find walks up from start (a file or directory) to the filesystem root
// and returns the path of the first sleuth.toml, or "".
func Find(start string) string {
	abs, err := filepath.Abs(start)
	if err != nil {
		return ""
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		abs = filepath.Dir(abs)
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		candidate := filepath.Join(dir, FileName)
		if info, err := os.Stat(candidate); err == nil && info.Mode().IsRegular() {
			return candidate
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// Load finds and reads the sleuth.toml that applies to start. It returns
// an empty config and "" when there is none. Unknown keys are errors, so a
// typo does not silently do nothing.
func Load(start string) (*Config, string, error) {
	path := Find(start)
	if path == "" {
		return &Config{}, "", nil
	}
	cfg, err := Read(path)
	return cfg, path, err
}

// Read parses one sleuth.toml.
func Read(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg Config
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) {
			return nil, fmt.Errorf("%s: %s", path, strict.String())
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: %s", path, line, col, de.Error())
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &cfg, nil
}
