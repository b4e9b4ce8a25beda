package compile

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// ASTDef is a definition node of the compiler's AST — a contract, a
// function or a modifier — with its id and source range. Ids are the
// compiler's: they identify declarations across its outputs (source maps,
// metadata, other tools' reports) the way byte ranges cannot.
type ASTDef struct {
	ID             int
	Kind           string // "ContractDefinition", "FunctionDefinition", "ModifierDefinition"
	Name           string // "" for the fallback, receive and constructor before 0.5
	Contract       string // the enclosing contract of a function or modifier
	File           string // root-relative path
	Offset, Length int
}

// astNode is the part of a compact-JSON AST node (solc ≥0.4.12's "ast"
// output, also in Foundry and Hardhat artifacts) the definitions need.
type astNode struct {
	NodeType string    `json:"nodeType"`
	ID       *int      `json:"id"`
	Src      string    `json:"src"`
	Name     string    `json:"name"`
	Nodes    []astNode `json:"nodes"`
}

// astDefs collects the contract, function and modifier definitions of
// the source units' ASTs (name -> AST), their files named by pathOf.
func astDefs(asts map[string]json.RawMessage, pathOf func(string) string) []ASTDef {
	var out []ASTDef
	for name, raw := range asts {
		if len(raw) == 0 || string(raw) == "null" {
			continue
		}
		var unit astNode
		if json.Unmarshal(raw, &unit) != nil || unit.NodeType != "SourceUnit" {
			continue
		}
		file := pathOf(name)
		for _, c := range unit.Nodes {
			if c.NodeType != "ContractDefinition" {
				continue
			}
			d, ok := newDef(c, "", file)
			if !ok {
				continue
			}
			out = append(out, d)
			for _, m := range c.Nodes {
				if m.NodeType != "FunctionDefinition" && m.NodeType != "ModifierDefinition" {
					continue
				}
				if d, ok := newDef(m, c.Name, file); ok {
					out = append(out, d)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Offset < out[j].Offset
	})
	return out
}

func newDef(n astNode, contract, file string) (ASTDef, bool) {
	if n.ID == nil {
		return ASTDef{}, false
	}
	parts := strings.Split(n.Src, ":")
	if len(parts) < 2 {
		return ASTDef{}, false
	}
	off, err1 := strconv.Atoi(parts[0])
	n1, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || off < 0 || n1 < 0 {
		return ASTDef{}, false
	}
	return ASTDef{ID: *n.ID, Kind: n.NodeType, Name: n.Name, Contract: contract, File: file, Offset: off, Length: n1}, true
}

// contractID is the id of the definition of contract name in file, -1
// when the AST is not known.
func contractID(defs []ASTDef, file, name string) int {
	for _, d := range defs {
		if d.Kind == "ContractDefinition" && d.File == file && d.Name == name {
			return d.ID
		}
	}
	return -1
}

// DefAt returns the innermost AST definition (function or modifier, else
// contract) whose source range holds the byte offset of file, for placing
// a source-map range (PCSource) in the compiler's AST.
func (a *Artifact) DefAt(file string, offset int) (ASTDef, bool) {
	var best ASTDef
	found := false
	for _, d := range a.Defs {
		if d.File != file || offset < d.Offset || offset >= d.Offset+d.Length {
			continue
		}
		if !found || d.Length < best.Length {
			best, found = d, true
		}
	}
	return best, found
}
