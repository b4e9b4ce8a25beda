package compile

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// Compiler kinds.
const (
	kindNative = "solc"
	kindSolcJS = "solc-js"
)

// Discovery tiers, in the order the issue gives: an explicit --solc, then
// solc on PATH, then solc-select and svm installs, then solc-js packages.
// A lower tier is used only when no compiler of a higher one satisfies the
// pragmas.
const (
	tierExplicit = iota
	tierPath
	tierManaged
	tierSolcJS
)

// compiler is one compiler found on this machine.
type compiler struct {
	kind    string
	path    string // binary, solc npm package directory or soljson.js
	version Version
	long    string // "0.8.28+commit.7893614a"
	tier    int
	origin  string // where it was found, for messages
}

// Name is how artifacts name the compiler: "0.8.28+commit.7893614a" for a
// native solc, "solc-js 0.4.26+commit.4563c3fc" for solc-js.
func (c *compiler) Name() string {
	if c.kind == kindSolcJS {
		return "solc-js " + c.long
	}
	return c.long
}

var versionRe = regexp.MustCompile(`\d+\.\d+\.\d+(\+commit\.[0-9a-f]+)?`)

// probeTimeout bounds `solc --version` and the solc-js version probe.
const probeTimeout = 20 * time.Second

// discover finds the compilers Compile may use. With opts.Solc set, only
// that one.
func discover(ctx context.Context, root string, opts Options) ([]*compiler, error) {
	if opts.Solc != "" {
		c, err := explicitCompiler(ctx, opts.Solc)
		if err != nil {
			return nil, err
		}
		return []*compiler{c}, nil
	}
	var out []*compiler
	if p, err := exec.LookPath("solc"); err == nil {
		if c, err := nativeCompiler(ctx, p, tierPath, "PATH"); err == nil {
			out = append(out, c)
		}
	}
	out = append(out, managedCompilers()...)
	out = append(out, solcJSCompilers(ctx, solcJSDirs(ctx, root))...)
	return out, nil
}

func explicitCompiler(ctx context.Context, p string) (*compiler, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("--solc %s: %w", p, err)
	}
	switch {
	case fi.IsDir():
		c, err := solcJSPackage(abs, tierExplicit, "--solc")
		if err != nil {
			return nil, fmt.Errorf("--solc %s: %w", p, err)
		}
		return c, nil
	case strings.HasSuffix(abs, ".js"):
		long, err := solcJSVersion(ctx, abs)
		if err != nil {
			return nil, fmt.Errorf("--solc %s: %w", p, err)
		}
		return compilerFromLong(kindSolcJS, abs, long, tierExplicit, "--solc")
	default:
		return nativeCompiler(ctx, abs, tierExplicit, "--solc")
	}
}

func compilerFromLong(kind, path, long string, tier int, origin string) (*compiler, error) {
	m := versionRe.FindString(long)
	if m == "" {
		return nil, fmt.Errorf("%s: no version in %q", path, strings.TrimSpace(long))
	}
	v, err := ParseVersion(m)
	if err != nil {
		return nil, err
	}
	return &compiler{kind: kind, path: path, version: v, long: m, tier: tier, origin: origin}, nil
}

// nativeCompiler asks a solc binary for its version.
func nativeCompiler(ctx context.Context, path string, tier int, origin string) (*compiler, error) {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("%s --version: %w", path, err)
	}
	// "solc, the solidity compiler commandline interface\nVersion: 0.8.28+commit…"
	text := string(out)
	if i := strings.Index(text, "Version:"); i >= 0 {
		text = text[i:]
	}
	return compilerFromLong(kindNative, path, text, tier, origin)
}

// managedCompilers lists solc-select (~/.solc-select/artifacts/solc-X/solc-X)
// and svm (~/.svm/X/solc-X) installs. Their versions are in their paths, so
// nothing is run until one is chosen.
func managedCompilers() []*compiler {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	var out []*compiler
	add := func(path, ver, origin string) {
		v, err := ParseVersion(ver)
		if err != nil {
			return
		}
		if fi, err := os.Stat(path); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
			return
		}
		out = append(out, &compiler{kind: kindNative, path: path, version: v, long: v.String(), tier: tierManaged, origin: origin})
	}
	if ents, err := os.ReadDir(filepath.Join(home, ".solc-select", "artifacts")); err == nil {
		for _, e := range ents {
			ver, ok := strings.CutPrefix(e.Name(), "solc-")
			if !ok {
				continue
			}
			if e.IsDir() {
				add(filepath.Join(home, ".solc-select", "artifacts", e.Name(), e.Name()), ver, "solc-select")
			} else { // solc-select before 1.0 kept the binaries flat
				add(filepath.Join(home, ".solc-select", "artifacts", e.Name()), ver, "solc-select")
			}
		}
	}
	if ents, err := os.ReadDir(filepath.Join(home, ".svm")); err == nil {
		for _, e := range ents {
			if e.IsDir() {
				add(filepath.Join(home, ".svm", e.Name(), "solc-"+e.Name()), e.Name(), "svm")
			}
		}
	}
	return out
}

// solcJSDirs lists the node_modules directories searched for solc-js: the
// project's, $SLEUTH_SOLCJS (a node_modules directory or a directory holding
// one, such as sleuth's own testdata/solc), and npm's global root.
func solcJSDirs(ctx context.Context, root string) []string {
	dirs := []string{filepath.Join(root, "node_modules")}
	if d := os.Getenv("SLEUTH_SOLCJS"); d != "" {
		for _, p := range filepath.SplitList(d) {
			dirs = append(dirs, p, filepath.Join(p, "node_modules"))
		}
	}
	if d := npmGlobalRoot(ctx); d != "" {
		dirs = append(dirs, d)
	}
	return dirs
}

// npm's global root does not change while sleuth runs, and asking costs a
// node start (a third of a second): ask once per npm binary.
var (
	npmRootMu    sync.Mutex
	npmRootCache = map[string]string{}
)

func npmGlobalRoot(ctx context.Context) string {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return ""
	}
	npmRootMu.Lock()
	defer npmRootMu.Unlock()
	if d, ok := npmRootCache[npm]; ok {
		return d
	}
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, npm, "root", "-g").Output()
	if err != nil {
		return "" // not cached: a cancelled probe may succeed next time
	}
	d := strings.TrimSpace(string(out))
	npmRootCache[npm] = d
	return d
}

// solcJSCompilers finds solc npm packages in node_modules directories: one
// named solc, or any other name that is an alias of solc (npm:solc@X).
func solcJSCompilers(_ context.Context, dirs []string) []*compiler {
	var out []*compiler
	seen := map[string]bool{}
	for _, d := range dirs {
		ents, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if !e.IsDir() && e.Type()&os.ModeSymlink == 0 {
				continue
			}
			if !strings.HasPrefix(e.Name(), "solc") {
				continue
			}
			p := filepath.Join(d, e.Name())
			real, err := filepath.EvalSymlinks(p)
			if err != nil || seen[real] {
				continue
			}
			seen[real] = true
			if c, err := solcJSPackage(p, tierSolcJS, d); err == nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// solcJSPackage reads a solc npm package directory.
func solcJSPackage(dir string, tier int, origin string) (*compiler, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("not a solc npm package: %w", err)
	}
	var pkg struct{ Name, Version string }
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "package.json"), err)
	}
	if pkg.Name != "solc" {
		return nil, fmt.Errorf("%s is the npm package %q, not solc", dir, pkg.Name)
	}
	if _, err := os.Stat(filepath.Join(dir, "soljson.js")); err != nil {
		return nil, fmt.Errorf("%s has no soljson.js: %w", dir, err)
	}
	c, err := compilerFromLong(kindSolcJS, dir, pkg.Version, tier, origin)
	if err != nil {
		return nil, err
	}
	// The commit is only known once the package runs; it is filled in
	// from the compiler's output when it compiles.
	return c, nil
}

// choose picks, for a set of constraints, the newest compiler of the first
// tier that has one satisfying them all; with force set, a compiler of that
// exact version (again by tier).
func choose(cs []*compiler, cons []Constraint, force *Version) *compiler {
	sorted := append([]*compiler(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].tier != sorted[j].tier {
			return sorted[i].tier < sorted[j].tier
		}
		return sorted[j].version.Less(sorted[i].version)
	})
	for _, c := range sorted {
		if force != nil {
			if c.version == *force || c.tier == tierExplicit {
				return c
			}
			continue
		}
		ok := true
		for _, con := range cons {
			if !con.Allows(c.version) {
				ok = false
				break
			}
		}
		if ok {
			return c
		}
	}
	return nil
}
