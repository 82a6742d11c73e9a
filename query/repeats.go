package query

import "strings"

// dedupe drops the repeated operands of every AND and OR in n, so that
// queries that mean the same have one Key: "kursk kursk KURSK" is "kursk"
// (a user's was kept as kursk AND kursk AND kursk, a subscription apart
// from kursk). An AND or OR left with one operand is that operand, and one
// left under its own kind merges into it. Operands are the same when their
// canonical forms are; of those, the first is kept.
func (n *node) dedupe() *node {
	for i, k := range n.kids {
		n.kids[i] = k.dedupe()
	}
	if n.kind != nodeAnd && n.kind != nodeOr {
		return n
	}
	seen := make(map[string]bool, len(n.kids))
	var kids []*node
	for _, k := range n.kids {
		for _, kk := range k.flatten(n.kind) {
			var b strings.Builder
			kk.render(&b, renderer{canonical: true})
			if !seen[b.String()] {
				seen[b.String()] = true
				kids = append(kids, kk)
			}
		}
	}
	if len(kids) == 1 {
		return kids[0]
	}
	n.kids = kids
	return n
}
