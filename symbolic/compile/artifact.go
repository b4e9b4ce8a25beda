package compile

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/sleuth-sec/sleuth/parser"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// artifactsFromOutput builds the artifacts of the contracts declared in the
// wanted files (root-relative paths) from a standard-JSON output; byName maps
// the output's source unit names to files (nil: names are root-relative
// paths already, as in build-info files).
func artifactsFromOutput(out *stdOutput, byName map[string]*parser.Unit, wanted map[string]bool, compilerName string) ([]*Artifact, []source.Diagnostic) {
	pathOf := func(name string) string {
		if u, ok := byName[name]; ok {
			return u.File.Path
		}
		return name
	}
	maxID := -1
	for _, s := range out.Sources {
		maxID = max(maxID, s.ID)
	}
	sources := make([]string, maxID+1)
	for name, s := range out.Sources {
		if s.ID >= 0 {
			sources[s.ID] = pathOf(name)
		}
	}
	asts := map[string]json.RawMessage{}
	for name, s := range out.Sources {
		// An aliased source is the same file under another name: its
		// definitions are the file's, once.
		if byName != nil && byName[name] != nil && byName[name].File.Path != name {
			continue
		}
		asts[name] = s.AST
	}
	defs := astDefs(asts, pathOf)
	var names []string
	for name := range out.Contracts {
		names = append(names, name)
	}
	sort.Strings(names)
	var arts []*Artifact
	var diags []source.Diagnostic
	for _, file := range names {
		p := pathOf(file)
		if !wanted[p] {
			continue
		}
		// An aliased source (see buildSources) is the same file compiled
		// under another name; its contracts are reported once.
		if byName != nil && byName[file] != nil && byName[file].File.Path != file {
			continue
		}
		var cnames []string
		for n := range out.Contracts[file] {
			cnames = append(cnames, n)
		}
		sort.Strings(cnames)
		for _, n := range cnames {
			a, err := newArtifact(n, p, out.Contracts[file][n], sources, compilerName, defs)
			if err != nil {
				diags = append(diags, source.Diagnostic{File: p, Severity: source.Error,
					Message: fmt.Sprintf("contract %s not usable by the symbolic engine: %v", n, err)})
				continue
			}
			if a != nil {
				arts = append(arts, a)
			}
		}
	}
	return arts, diags
}

// newArtifact decodes one contract; nil without error for a contract with
// no code (an interface or an abstract contract).
func newArtifact(name, file string, c stdContract, sources []string, compilerName string, defs []ASTDef) (*Artifact, error) {
	obj := strings.TrimPrefix(c.EVM.Bytecode.Object, "0x")
	if obj == "" {
		return nil, nil
	}
	if len(c.EVM.Bytecode.LinkReferences) > 0 || strings.Contains(obj, "__") {
		var libs []string
		for f, refs := range c.EVM.Bytecode.LinkReferences {
			var byName map[string]json.RawMessage
			_ = json.Unmarshal(refs, &byName)
			for lib := range byName {
				libs = append(libs, f+":"+lib)
			}
		}
		if len(libs) == 0 {
			libs = append(libs, "unknown")
		}
		sort.Strings(libs)
		return nil, fmt.Errorf("its bytecode needs libraries linked (%s): make their functions internal, or deploy and link them", strings.Join(libs, ", "))
	}
	creation, err := hex.DecodeString(obj)
	if err != nil {
		return nil, fmt.Errorf("creation bytecode: %v", err)
	}
	runtime, err := hex.DecodeString(strings.TrimPrefix(c.EVM.DeployedBytecode.Object, "0x"))
	if err != nil {
		return nil, fmt.Errorf("runtime bytecode: %v", err)
	}
	var parsed abi.ABI
	if len(c.ABI) > 0 && string(c.ABI) != "null" {
		if parsed, err = abi.JSON(bytes.NewReader(c.ABI)); err != nil {
			return nil, fmt.Errorf("ABI: %v", err)
		}
	}
	return &Artifact{
		Name:        name,
		Source:      file,
		ABI:         parsed,
		Creation:    creation,
		Runtime:     runtime,
		CreationMap: c.EVM.Bytecode.SourceMap,
		RuntimeMap:  c.EVM.DeployedBytecode.SourceMap,
		Sources:     sources,
		Compiler:    compilerName,
		ASTID:       contractID(defs, file, name),
		Defs:        defs,
	}, nil
}
