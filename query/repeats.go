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

// contradiction finds an AND in n (after dedupe) that requires a term and
// excludes the very same one, "kursk -kursk": it can never match, and a
// subscription to it would wait in silence. The error names the excluded
// term and the position of its "-" or NOT. Terms are the same when their
// canonical forms are; "kursk -title:kursk" excludes only titles and is no
// contradiction.
func (n *node) contradiction() *ParseError {
	for _, k := range n.kids {
		if err := k.contradiction(); err != nil {
			return err
		}
	}
	if n.kind != nodeAnd {
		return nil
	}
	required := make(map[string]bool, len(n.kids))
	for _, k := range n.kids {
		if k.kind != nodeNot {
			required[k.canonical()] = true
		}
	}
	for _, k := range n.kids {
		if k.kind != nodeNot {
			continue
		}
		if form := k.kids[0].canonical(); required[form] {
			return errAt(k.pos, "%s is both required and excluded, so the query could never match (position %d)", form)
		}
	}
	return nil
}

// canonical is n's canonical rendering, the form Key is made of.
func (n *node) canonical() string {
	var b strings.Builder
	n.render(&b, renderer{canonical: true})
	return b.String()
}
