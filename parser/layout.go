package parser

import (
	"os"
	"path/filepath"
	"regexp"
)

// Layout says what kind of project was found at the root and where its
// parts live. Paths are root-relative with forward slashes.
type Layout struct {
	Kind   string   // LayoutFoundry, LayoutHardhat or LayoutPlain
	Src    string   // sources directory ("" when the layout has none)
	Test   string   // tests directory ("" when the layout has none)
	Script string   // scripts directory ("" when the layout has none)
	Libs   []string // dependency directories besides node_modules
}

// Layout kinds.
const (
	LayoutFoundry = "foundry"
	LayoutHardhat = "hardhat"
	LayoutPlain   = "plain"
)

// hardhatConfigs are the names Hardhat looks for, in its own order.
var hardhatConfigs = []string{"hardhat.config.js", "hardhat.config.ts", "hardhat.config.cjs", "hardhat.config.mjs"}

// rootMarkers are the files whose directory is a project root.
var rootMarkers = append([]string{"foundry.toml", "remappings.txt", "package.json"}, hardhatConfigs...)

// findRoot walks up from dir to the nearest directory holding a project
// marker. It stops at a repository boundary (a directory with .git) so a
// stray package.json in a home directory does not become the root of
// every scan; without a marker the root is dir itself.
func findRoot(dir string) string {
	for d := dir; ; {
		for _, m := range rootMarkers {
			if fileExists(filepath.Join(d, m)) {
				return d
			}
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// hardhatSources finds `sources: "…"` in a Hardhat config's paths block.
// The config is a program we cannot run, so a literal string is the best
// we can read; anything else keeps Hardhat's default.
var hardhatSources = regexp.MustCompile(`(?m)\bsources\s*:\s*["'\x60]([^"'\x60\n]+)["'\x60]`)

// detectLayout reads the root's build configuration. Problems with the
// configuration become diagnostics in cfg, never a failed load: a broken
// foundry.toml should not stop a scan of valid sources.
func detectLayout(root string, cfg *configReader) Layout {
	if fileExists(filepath.Join(root, "foundry.toml")) {
		p := cfg.readFoundryToml(root)
		lay := Layout{Kind: LayoutFoundry, Src: "src", Test: "test", Script: "script", Libs: []string{"lib"}}
		if p.Src != "" {
			lay.Src = cleanRel(p.Src)
		}
		if p.Test != "" {
			lay.Test = cleanRel(p.Test)
		}
		if p.Script != "" {
			lay.Script = cleanRel(p.Script)
		}
		if p.Libs != nil {
			lay.Libs = nil
			for _, l := range p.Libs {
				lay.Libs = append(lay.Libs, cleanRel(l))
			}
		}
		return lay
	}
	for _, name := range hardhatConfigs {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue
		}
		lay := Layout{Kind: LayoutHardhat, Src: "contracts", Test: "test", Script: "scripts"}
		if m := hardhatSources.FindSubmatch(data); m != nil {
			lay.Src = cleanRel(string(m[1]))
		}
		return lay
	}
	return Layout{Kind: LayoutPlain}
}

// cleanRel normalises a configured directory to a clean slash path.
func cleanRel(p string) string {
	return filepath.ToSlash(filepath.Clean(filepath.FromSlash(p)))
}

// fileExists reports whether p names an existing regular file (or a
// symlink to one).
func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// dirExists reports whether p names an existing directory.
func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
