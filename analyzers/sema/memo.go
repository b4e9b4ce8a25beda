package sema

import "github.com/sleuth-sec/sleuth/parser/ast"

// refTable is what names denote. Detectors ask for identifiers and member
// accesses about a million times in a scan of OpenZeppelin; maps keyed by
// their pointer types hash a word, where one keyed by ast.Node hashes an
// interface.
type refTable struct {
	ids     map[*ast.Identifier]Symbol
	members map[*ast.MemberAccess]Symbol
	other   map[ast.Node]Symbol
}

func newRefTable() refTable {
	return refTable{ids: map[*ast.Identifier]Symbol{}, members: map[*ast.MemberAccess]Symbol{}, other: map[ast.Node]Symbol{}}
}

func (t *refTable) get(n ast.Node) Symbol {
	switch x := n.(type) {
	case *ast.Identifier:
		return t.ids[x]
	case *ast.MemberAccess:
		return t.members[x]
	}
	return t.other[n]
}

func (t *refTable) set(n ast.Node, s Symbol) {
	switch x := n.(type) {
	case *ast.Identifier:
		t.ids[x] = s
	case *ast.MemberAccess:
		t.members[x] = s
	default:
		t.other[n] = s
	}
}
