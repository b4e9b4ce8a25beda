package parser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// foundryProfile is the part of a foundry.toml profile that decides where
// sources are and how imports resolve.
type foundryProfile struct {
	Src        string   `toml:"src"`
	Test       string   `toml:"test"`
	Script     string   `toml:"script"`
	Libs       []string `toml:"libs"`
	Remappings []string `toml:"remappings"`
}

type foundryConfig struct {
	Profile map[string]foundryProfile `toml:"profile"`
}

// configReader reads build configuration and collects what was wrong with
// it as diagnostics, with paths relative to the project root.
type configReader struct {
	root  string
	diags []source.Diagnostic
	// remappings in priority order; seen dedupes them by context and prefix.
	remappings []Remapping
	seen       map[string]bool
}

func newConfigReader(root string) *configReader {
	return &configReader{root: root, seen: map[string]bool{}}
}

func (c *configReader) warn(abs string, line, col int, format string, args ...any) {
	c.diags = append(c.diags, source.Diagnostic{
		File: relPath(c.root, abs), Line: line, Column: col,
		Severity: source.Warning, Message: fmt.Sprintf(format, args...),
	})
}

// readFoundryToml reads dir/foundry.toml's default profile and adds its
// remappings. Only [profile.default] is read: picking another profile
// depends on FOUNDRY_PROFILE in the environment, and the layout keys are
// almost never changed per profile.
func (c *configReader) readFoundryToml(dir string) foundryProfile {
	abs := filepath.Join(dir, "foundry.toml")
	data, err := os.ReadFile(abs)
	if err != nil {
		c.warn(abs, 0, 0, "cannot read foundry.toml: %v", err)
		return foundryProfile{}
	}
	var cfg foundryConfig
	if err := toml.Unmarshal(data, &cfg); err != nil {
		var de *toml.DecodeError
		line, col := 0, 0
		if errors.As(err, &de) {
			line, col = de.Position()
		}
		c.warn(abs, line, col, "foundry.toml is not valid TOML, using Foundry's defaults: %v", err)
		return foundryProfile{}
	}
	p := cfg.Profile["default"]
	for _, r := range p.Remappings {
		c.addRemapping(abs, 0, dir, r)
	}
	return p
}

// readRemappingsTxt adds the remappings of dir/remappings.txt, one per line.
func (c *configReader) readRemappingsTxt(dir string) {
	abs := filepath.Join(dir, "remappings.txt")
	data, err := os.ReadFile(abs)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			c.warn(abs, 0, 0, "cannot read remappings.txt: %v", err)
		}
		return
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c.addRemapping(abs, i+1, dir, line)
	}
}

// addRemapping parses `context:prefix=target` (context optional), makes the
// target absolute against base and keeps it unless a remapping with the
// same context and prefix came first.
func (c *configReader) addRemapping(file string, line int, base, text string) {
	r, ok := parseRemapping(text)
	if !ok {
		c.warn(file, line, 0, "ignoring remapping %q: want [context:]prefix=target", text)
		return
	}
	r.Target = absTarget(base, r.Target)
	c.add(r)
}

func (c *configReader) add(r Remapping) {
	key := r.Context + "\x00" + r.Prefix
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.remappings = append(c.remappings, r)
}

// parseRemapping splits `context:prefix=target`. Like forge, a prefix that
// ends in a slash gets a target that ends in one, so `a/=lib/a` works.
func parseRemapping(s string) (Remapping, bool) {
	s = strings.TrimSpace(s)
	lhs, target, ok := strings.Cut(s, "=")
	if !ok {
		return Remapping{}, false
	}
	var r Remapping
	if ctx, prefix, ok := strings.Cut(lhs, ":"); ok {
		r.Context, r.Prefix = strings.TrimSpace(ctx), strings.TrimSpace(prefix)
	} else {
		r.Prefix = strings.TrimSpace(lhs)
	}
	r.Target = strings.TrimSpace(target)
	if r.Prefix == "" || r.Target == "" {
		return Remapping{}, false
	}
	if strings.HasSuffix(r.Prefix, "/") && !strings.HasSuffix(r.Target, "/") {
		r.Target += "/"
	}
	return r, true
}

// absTarget makes a remapping target absolute, keeping a trailing slash:
// remappings replace prefixes as strings, so the slash is significant.
func absTarget(base, target string) string {
	slash := strings.HasSuffix(target, "/")
	t := filepath.FromSlash(target)
	if !filepath.IsAbs(t) {
		t = filepath.Join(base, t)
	}
	t = filepath.Clean(t)
	if slash && !strings.HasSuffix(t, string(filepath.Separator)) {
		t += string(filepath.Separator)
	}
	return t
}

// deriveLibRemappings adds what forge derives for the dependencies in the
// libs directories (absolute paths). First `<name>/=<lib>/<name>/src/`
// (or `<lib>/<name>/` without a src/) for each; then each dependency's own
// remappings, rebased onto its directory, twice: scoped to the dependency,
// where they are what its author meant, and unscoped, where they only
// fill prefixes nothing else claims (users do import
// `@openzeppelin/contracts/` through OpenZeppelin's own remapping).
// Explicit remappings were added before all of these and win over them.
func (c *configReader) deriveLibRemappings(libs []string) {
	var deps []string
	for _, libAbs := range libs {
		entries, err := os.ReadDir(libAbs)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			dep := filepath.Join(libAbs, name)
			if strings.HasPrefix(name, ".") || !dirExists(dep) {
				continue
			}
			deps = append(deps, dep)
			target := dep + string(filepath.Separator)
			if dirExists(filepath.Join(dep, "src")) {
				target = filepath.Join(dep, "src") + string(filepath.Separator)
			}
			c.add(Remapping{Prefix: name + "/", Target: target})
		}
	}
	for _, dep := range deps {
		c.addNestedRemappings(dep)
	}
}

// addNestedRemappings adds a dependency's own remappings, from its
// remappings.txt and foundry.toml. Problems with them are the
// dependency's, not the user's, so they are skipped silently, and so is a
// remapping whose target does not exist (typically an uninitialised
// nested submodule) because it could only shadow a working one.
func (c *configReader) addNestedRemappings(dir string) {
	var texts []string
	if data, err := os.ReadFile(filepath.Join(dir, "remappings.txt")); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "foundry.toml")); err == nil {
		var cfg foundryConfig
		if toml.Unmarshal(data, &cfg) == nil {
			texts = append(texts, cfg.Profile["default"].Remappings...)
		}
	}
	scope := relPath(c.root, dir) + "/"
	var unscoped []Remapping
	for _, text := range texts {
		r, ok := parseRemapping(text)
		if !ok || strings.HasPrefix(r.Context, "#") || strings.HasPrefix(r.Prefix, "#") {
			continue
		}
		r.Target = absTarget(dir, r.Target)
		if !dirExists(strings.TrimRight(r.Target, string(filepath.Separator))) {
			continue
		}
		if r.Context == "" {
			unscoped = append(unscoped, r)
		}
		r.Context = scope + r.Context
		c.add(r)
	}
	for _, r := range unscoped {
		c.add(r)
	}
}
