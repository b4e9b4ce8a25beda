package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadWalksUp(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), `
[scan]
exclude = ["src/mocks/**"]
fail-on = "medium"

[detectors]
disable = ["solc-version"]

[detectors.severity]
timestamp = "info"

[llm]
enabled = true
model = "qwen2.5-coder:7b"
`)
	write(t, filepath.Join(root, "src", "deep", "A.sol"), "contract A {}")
	cfg, path, err := Load(filepath.Join(root, "src", "deep", "A.sol"))
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(root, FileName) {
		t.Errorf("found %q", path)
	}
	if cfg.Scan.FailOn != "medium" || cfg.Scan.Exclude[0] != "src/mocks/**" || cfg.Detectors.Disable[0] != "solc-version" ||
		cfg.Detectors.Severity["timestamp"] != "info" || !cfg.LLM.Enabled || cfg.LLM.Model != "qwen2.5-coder:7b" {
		t.Errorf("decoded %+v", cfg)
	}
}

func TestNoConfigIsEmpty(t *testing.T) {
	dir := t.TempDir()
	cfg, path, err := Load(dir)
	if err != nil || path != "" || cfg == nil || cfg.Scan.FailOn != "" {
		t.Errorf("got %+v %q %v", cfg, path, err)
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, FileName), "[detectors]\ndisabled = [\"x\"]\n")
	_, _, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), "disabled") {
		t.Errorf("want an error naming the unknown key, got %v", err)
	}
}

func TestSyntaxErrorHasPosition(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, FileName), "[scan]\nfail-on = \n")
	_, _, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), FileName+":2:") {
		t.Errorf("want file:line in the error, got %v", err)
	}
}
