package compile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/sleuth-sec/sleuth/parser"
)

// Build artifacts of Foundry (out/build-info/*.json, out/<File>.sol/<Name>.json)
// and Hardhat (artifacts/build-info/*.json) hold exactly what Compile would
// produce: when they are fresh the compiler need not run, or even exist.
//
// Fresh means built from the sources as they are now: a build-info file
// carries its standard-JSON input, so every project file in it must have the
// same content on disk; a Foundry contract artifact carries the keccak256 of
// each source in its metadata. Without either, the artifact must not be
// older than the files.

// buildInfo is a build-info file: standard JSON in and out, plus the
// compiler version (Hardhat's and Foundry's shapes agree on these fields).
type buildInfo struct {
	SolcLongVersion string    `json:"solcLongVersion"`
	SolcVersion     string    `json:"solcVersion"`
	Input           stdInput  `json:"input"`
	Output          stdOutput `json:"output"`
	path            string
	mod             time.Time
}

// reuseArtifacts returns the artifacts of the units that fresh build
// artifacts cover, and the units left to compile.
func reuseArtifacts(proj *parser.Project, units []*parser.Unit) ([]*Artifact, []*parser.Unit) {
	if len(units) == 0 {
		return nil, nil
	}
	byPath := map[string]*parser.Unit{}
	for _, u := range proj.Units {
		byPath[u.File.Path] = u
	}
	covered := map[string]bool{}
	var arts []*Artifact
	for _, dir := range buildInfoDirs(proj.Root) {
		for _, bi := range readBuildInfos(dir) {
			wanted := map[string]bool{}
			for _, u := range units {
				if !covered[u.File.Path] && bi.covers(u, byPath) {
					wanted[u.File.Path] = true
				}
			}
			if len(wanted) == 0 {
				continue
			}
			name := bi.SolcLongVersion
			if name == "" {
				name = bi.SolcVersion
			}
			a, _ := artifactsFromOutput(&bi.Output, nil, wanted, name)
			arts = append(arts, a...)
			for p := range wanted {
				covered[p] = true
			}
		}
	}
	if out := foundryOut(proj.Root); out != "" {
		for _, u := range units {
			if covered[u.File.Path] {
				continue
			}
			if a, ok := foundryContractArtifacts(out, u, byPath); ok {
				arts = append(arts, a...)
				covered[u.File.Path] = true
			}
		}
	}
	var rest []*parser.Unit
	for _, u := range units {
		if !covered[u.File.Path] {
			rest = append(rest, u)
		}
	}
	return arts, rest
}

// covers reports whether the build compiled u as it is now, with every
// project file it compiled along unchanged.
func (bi *buildInfo) covers(u *parser.Unit, byPath map[string]*parser.Unit) bool {
	src, ok := bi.Input.Sources[u.File.Path]
	if !ok || bi.Output.Contracts == nil {
		return false
	}
	if src.Content == "" && !notOlder(bi.mod, u) {
		return false
	}
	for name, s := range bi.Input.Sources {
		other, ok := byPath[name]
		if !ok {
			continue // a dependency named by its import path ("@oz/…")
		}
		if s.Content != "" && s.Content != string(other.File.Content) {
			return false
		}
		if s.Content == "" && !notOlder(bi.mod, other) {
			return false
		}
	}
	return true
}

func notOlder(t time.Time, u *parser.Unit) bool {
	if u.File.Abs == "" {
		return false
	}
	fi, err := os.Stat(u.File.Abs)
	return err == nil && !t.Before(fi.ModTime())
}

func buildInfoDirs(root string) []string {
	var dirs []string
	if out := foundryOut(root); out != "" {
		dirs = append(dirs, filepath.Join(out, "build-info"))
	}
	return append(dirs, filepath.Join(root, "artifacts", "build-info"))
}

// readBuildInfos reads a build-info directory, newest first. Unreadable
// files are skipped: artifacts are an optimisation, the compiler the
// fallback.
func readBuildInfos(dir string) []*buildInfo {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []*buildInfo
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") || strings.HasSuffix(e.Name(), ".output.json") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		fi, err := e.Info()
		if err != nil {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		bi := &buildInfo{path: p, mod: fi.ModTime()}
		if json.Unmarshal(raw, bi) != nil {
			continue
		}
		if bi.Output.Contracts == nil {
			// Hardhat 3 keeps the output beside the input.
			if raw, err := os.ReadFile(strings.TrimSuffix(p, ".json") + ".output.json"); err == nil {
				var wrap struct {
					Output stdOutput `json:"output"`
				}
				if json.Unmarshal(raw, &wrap) == nil {
					bi.Output = wrap.Output
				}
			}
		}
		out = append(out, bi)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].mod.After(out[j].mod) })
	return out
}

var outRe = regexp.MustCompile(`(?m)^\s*out\s*=\s*["']([^"']+)["']`)

// foundryOut returns the absolute out directory of a Foundry project ("" if
// root is not one).
func foundryOut(root string) string {
	raw, err := os.ReadFile(filepath.Join(root, "foundry.toml"))
	if err != nil {
		return ""
	}
	out := "out"
	if m := outRe.FindSubmatch(raw); m != nil {
		out = string(m[1])
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	return out
}

// foundryArtifact is out/<File>.sol/<Name>.json.
type foundryArtifact struct {
	ABI              json.RawMessage `json:"abi"`
	Bytecode         stdBytecode     `json:"bytecode"`
	DeployedBytecode stdBytecode     `json:"deployedBytecode"`
	ID               *int            `json:"id"`
	AST              json.RawMessage `json:"ast"`
	Metadata         json.RawMessage `json:"metadata"`
}

type foundryMetadata struct {
	Compiler struct {
		Version string `json:"version"`
	} `json:"compiler"`
	Sources map[string]struct {
		Keccak256 string `json:"keccak256"`
	} `json:"sources"`
}

// foundryContractArtifacts reads the artifacts forge wrote for u's
// contracts, when they are all fresh.
func foundryContractArtifacts(out string, u *parser.Unit, byPath map[string]*parser.Unit) ([]*Artifact, bool) {
	dir := filepath.Join(out, filepath.Base(u.File.Path))
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	var arts []*Artifact
	found := false
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() || strings.Contains(name, ".") { // Name.0.8.28.json: several compilers; skip
			continue
		}
		p := filepath.Join(dir, e.Name())
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, false
		}
		var fa foundryArtifact
		var path struct {
			AbsolutePath string `json:"absolutePath"`
		}
		if json.Unmarshal(raw, &fa) != nil || json.Unmarshal(fa.AST, &path) != nil || path.AbsolutePath != u.File.Path {
			continue // another file of the same base name
		}
		meta := parseFoundryMetadata(fa.Metadata)
		if !foundryFresh(meta, p, u, byPath) {
			return nil, false
		}
		found = true
		var sources []string
		if fa.ID != nil && *fa.ID >= 0 && *fa.ID < 1<<16 {
			// Only the declaring file's index is known here.
			sources = make([]string, *fa.ID+1)
			sources[*fa.ID] = u.File.Path
		}
		var c stdContract
		c.ABI = fa.ABI
		c.EVM.Bytecode, c.EVM.DeployedBytecode = fa.Bytecode, fa.DeployedBytecode
		// The artifact holds its file's AST (with absolutePath, its
		// root-relative name).
		defs := astDefs(map[string]json.RawMessage{u.File.Path: fa.AST}, func(n string) string { return n })
		a, err := newArtifact(name, u.File.Path, c, sources, meta.Compiler.Version, defs)
		if err != nil {
			return nil, false
		}
		if a != nil {
			arts = append(arts, a)
		}
	}
	return arts, found
}

func parseFoundryMetadata(raw json.RawMessage) foundryMetadata {
	var m foundryMetadata
	if json.Unmarshal(raw, &m) == nil {
		return m
	}
	var s string // some forge versions write the metadata as a string
	if json.Unmarshal(raw, &s) == nil {
		_ = json.Unmarshal([]byte(s), &m)
	}
	return m
}

func foundryFresh(meta foundryMetadata, artifact string, u *parser.Unit, byPath map[string]*parser.Unit) bool {
	if len(meta.Sources) == 0 {
		fi, err := os.Stat(artifact)
		return err == nil && notOlder(fi.ModTime(), u)
	}
	if _, ok := meta.Sources[u.File.Path]; !ok {
		return false
	}
	for name, s := range meta.Sources {
		other, ok := byPath[name]
		if !ok {
			continue
		}
		if strings.TrimPrefix(s.Keccak256, "0x") != crypto.Keccak256Hash(other.File.Content).Hex()[2:] {
			return false
		}
	}
	return true
}
