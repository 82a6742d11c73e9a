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

// implied finds an AND in n (after dedupe) that excludes what every article a required term matches has: alone
// ("north korea" -korea, title:kursk -kursk, "北朝鮮" -"朝鮮", kursk* -kurs*), or among the excluded together
// ((kyiv OR lviv) -kyiv -lviv). Such a query can never match, as "kursk -kursk" cannot (contradiction); the error
// names the excluded, the required term and the place of the first "-" or NOT that takes part.
func (n *node) implied() *ParseError {
	for _, k := range n.kids {
		if err := k.implied(); err != nil {
			return err
		}
	}
	if n.kind != nodeAnd {
		return nil
	}
	excluded := &node{kind: nodeOr}
	for _, k := range n.kids {
		if k.kind != nodeNot {
			continue
		}
		excluded.kids = append(excluded.kids, k.kids[0])
		if excluded.pos == 0 {
			excluded.pos = k.pos
		}
		for _, r := range n.kids {
			if r.kind != nodeNot && r.implies(k.kids[0]) {
				return errAt(k.pos, "%s is excluded, but every article that %s matches has it, so the query could never match (position %d)",
					k.kids[0].canonical(), r.canonical())
			}
		}
	}
	if len(excluded.kids) < 2 {
		return nil
	}
	for _, r := range n.kids {
		if r.kind != nodeNot && r.implies(excluded) {
			return errAt(excluded.pos, "%s is excluded, but every article that %s matches has it, so the query could never match (position %d)",
				excluded.canonical(), r.canonical())
		}
	}
	return nil
}

// implies reports whether every article that n matches is sure to be matched by x too, by the words alone:
// "north korea" has korea, "kursk" (one exact word) kursk, title:kursk kursk, "kursk region" kurs*, kursk* kurs*.
// A bare word implies only itself, which contradiction catches: its stems may be no prefix of the words it matches
// (hoping → hope), and another spelling's stems may differ in some language (tariffs, tariff).
func (n *node) implies(x *node) bool {
	switch {
	case n.kind == nodeAnd:
		for _, k := range n.kids {
			if k.implies(x) {
				return true
			}
		}
		return false
	case n.kind == nodeOr:
		for _, k := range n.kids {
			if !k.implies(x) {
				return false
			}
		}
		return true
	case x.kind == nodeOr:
		for _, k := range x.kids {
			if n.implies(k) {
				return true
			}
		}
		return false
	case x.kind == nodeAnd:
		for _, k := range x.kids {
			if !n.implies(k) {
				return false
			}
		}
		return true
	case x.title && !n.title:
		return false
	case n.kind != nodeNot && n.canonical() == x.canonical() || n.title && n.canonical() == "title:"+x.canonical():
		return true
	}
	switch n.kind {
	case nodePhrase:
		switch x.kind {
		case nodeWord:
			return hasRun(n.tokens, x.tokens)
		case nodePhrase:
			return hasRun(n.tokens, x.tokens)
		case nodePrefix:
			for _, t := range n.tokens {
				if strings.HasPrefix(t, x.tokens[0]) {
					return true
				}
			}
		}
	case nodePrefix:
		return x.kind == nodePrefix && strings.HasPrefix(n.tokens[0], x.tokens[0])
	}
	return false
}

// hasRun reports whether run stands in tokens, its words adjacent and in order.
func hasRun(tokens, run []string) bool {
	for i := 0; i+len(run) <= len(tokens); i++ {
		if slicesEqual(tokens[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// canonical is n's canonical rendering, the form Key is made of.
func (n *node) canonical() string {
	var b strings.Builder
	n.render(&b, renderer{canonical: true})
	return b.String()
}
