package ast

// Preorder is a tree flattened in Inspect order, for trees walked many
// times (a function body, once per detector): ranging over a slice costs a
// fraction of re-walking the tree, and End keeps pruning possible.
type Preorder struct {
	// Nodes holds the root and every node below it, in Inspect order.
	Nodes []Node
	// End[i] is the index just past the subtree of Nodes[i].
	End []int32
}

// NewPreorder flattens the tree rooted at root (empty for a nil root).
func NewPreorder(root Node) *Preorder {
	p := &Preorder{}
	var open []int32 // indices of the nodes whose subtrees are being walked
	InspectStack(root, func(n Node, stack []Node) bool {
		for len(open) > len(stack) {
			top := open[len(open)-1]
			p.End[top] = int32(len(p.Nodes))
			open = open[:len(open)-1]
		}
		open = append(open, int32(len(p.Nodes)))
		p.Nodes = append(p.Nodes, n)
		p.End = append(p.End, 0)
		return true
	})
	for _, i := range open {
		p.End[i] = int32(len(p.Nodes))
	}
	return p
}

// Inspect calls f for each node as ast.Inspect(root, f) would, in the same
// order; if f returns false the node's children are skipped.
func (p *Preorder) Inspect(f func(Node) bool) {
	for i := 0; i < len(p.Nodes); {
		if f(p.Nodes[i]) {
			i++
		} else {
			i = int(p.End[i])
		}
	}
}

// Parents maps every node below the root to its parent; the root has none.
func (p *Preorder) Parents() map[Node]Node {
	parents := make(map[Node]Node, len(p.Nodes))
	var open []int32 // the chain of ancestors of the node at hand
	for i, n := range p.Nodes {
		for len(open) > 0 && p.End[open[len(open)-1]] <= int32(i) {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			parents[n] = p.Nodes[open[len(open)-1]]
		}
		open = append(open, int32(i))
	}
	return parents
}
