package query

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Query is a compiled subscription query. It is immutable and safe for concurrent use. The zero Query matches
// nothing; use Parse.
type Query struct {
	text string
	root *node
	prog program
}

// nodeKind is the kind of a node of a parsed query.
type nodeKind uint8

const (
	nodeWord   nodeKind = iota // a bare word, matched by its stem
	nodePrefix                 // a word start; tokens[0] is the prefix
	nodePhrase                 // unstemmed tokens, adjacent and in order; one token is an exact word
	nodeSource                 // source:/site:; tokens are the name's words, host the web address if it has one
	nodeNot
	nodeAnd
	nodeOr
)

// node is a parsed query. Queries stay small (at most MaxTerms leaves), and stored queries keep only their
// compiled program in the Index, so a pointer tree is fine here.
type node struct {
	kind    nodeKind
	title   bool     // title: only
	quoted  bool     // typed in quotes
	capital bool     // nodeWord: typed with a capital first letter
	spelled bool     // nodeOr: the spellings of one bare word, the one typed first (spelledWord); one term
	field   string   // "source" or "site", as typed
	tokens  []string // normalised, unstemmed
	stems   []string // nodeWord: the stem keys of tokens[0] under each language it may be in (see stemKey)
	host    string   // nodeSource
	pos     int      // where it starts in the text, for error messages
	kids    []*node
}

// flatten returns n's children if n is of kind k (so that "(a b) c" is one AND of three), else n alone. The
// spellings of a word stay together (spelledWord).
func (n *node) flatten(k nodeKind) []*node {
	if n.kind == k && !n.spelled {
		return n.kids
	}
	return []*node{n}
}

// positive reports whether n can only match an article that contains something: every OR branch must have a
// positive term, and an AND needs one.
func (n *node) positive() bool {
	switch n.kind {
	case nodeNot:
		return false
	case nodeAnd:
		for _, k := range n.kids {
			if k.positive() {
				return true
			}
		}
		return false
	case nodeOr:
		for _, k := range n.kids {
			if !k.positive() {
				return false
			}
		}
	}
	return true
}

func newQuery(text string, root *node) *Query {
	q := &Query{text: text, root: root}
	q.prog = compile(root)
	return q
}

// Text returns the query as the user wrote it, without surrounding space.
func (q *Query) Text() string { return q.text }

// String returns how the query was understood, for the user: words folded to lower case and without diacritics,
// operators spelled out, e.g. `kursk AND (deminers OR sappers)`, `russia AND NOT sport`, `title:"north korea"`,
// `ukrain*`, `source:reuters`. Parse accepts it back and understands it the same way.
func (q *Query) String() string {
	if q.root == nil {
		return ""
	}
	var b strings.Builder
	// Parentheses around an AND inside an OR are not needed, but people read "a AND b OR c" both ways; show them
	// unless they would nest deeper than Parse accepts.
	r := renderer{clarify: q.root.depth(true) <= MaxDepth}
	q.root.render(&b, r)
	return b.String()
}

// Key returns the canonical form of the query, equal for two texts that Parse understands the same way up to
// spelling and order: case, diacritics, spaces, "|" for OR, "-" for NOT, redundant parentheses, "site:" for
// "source:" and the order of the operands of an AND or OR.
// Two subscriptions of one chat with the same Key are the same subscription.
func (q *Query) Key() string {
	if q.root == nil {
		return ""
	}
	var b strings.Builder
	q.root.render(&b, renderer{canonical: true})
	return b.String()
}

// renderer says how to write a query: canonical for Key (source: for site:, no optional parentheses); clarify to
// put parentheses around an AND inside an OR.
type renderer struct {
	canonical bool
	clarify   bool
}

// grouped reports whether kid is written in parentheses under a node of kind parent.
func (r renderer) grouped(parent nodeKind, kid *node) bool {
	if kid.spelled {
		return false // written as one word
	}
	switch parent {
	case nodeNot:
		return kid.kind >= nodeNot
	case nodeAnd:
		return kid.kind == nodeOr
	case nodeOr:
		return r.clarify && kid.kind == nodeAnd
	}
	return false
}

// depth returns how deeply n's parentheses nest when written, with or without the clarifying ones.
func (n *node) depth(clarify bool) int {
	r := renderer{clarify: clarify}
	d := 0
	if n.spelled {
		return 0
	}
	for _, k := range n.kids {
		kd := k.depth(clarify)
		if r.grouped(n.kind, k) {
			kd++
		}
		d = max(d, kd)
	}
	return d
}

func (n *node) render(b *strings.Builder, r renderer) {
	if n.spelled {
		// The word as typed, which reads back as the same spellings.
		if n.title {
			b.WriteString("title:")
		}
		spelledForm(b, n.kids[0])
		return
	}
	switch n.kind {
	case nodeWord, nodePrefix, nodePhrase:
		if n.title {
			b.WriteString("title:")
		}
		switch {
		case n.kind == nodePrefix:
			b.WriteString(n.tokens[0])
			b.WriteByte('*')
		case n.kind == nodeWord:
			b.WriteString(n.tokens[0])
		default:
			writeQuoted(b, n.tokens)
		}
		return
	case nodeSource:
		if r.canonical || n.field == "" {
			b.WriteString("source:")
		} else {
			b.WriteString(n.field + ":")
		}
		switch {
		case n.host != "":
			if !strings.Contains(n.host, ".") {
				b.WriteByte('.') // site:.com, which site:com without its dot would read as a name
			}
			b.WriteString(n.host)
		case len(n.tokens) == 1 && !n.quoted:
			b.WriteString(n.tokens[0])
		default:
			writeQuoted(b, n.tokens)
		}
		return
	}
	sep := " AND "
	switch n.kind {
	case nodeNot:
		sep = "NOT "
	case nodeOr:
		sep = " OR "
	}
	kids := n.kids
	if r.canonical && n.kind != nodeNot && len(kids) > 1 {
		// In the order of their own forms: "deminers kursk" is the query "kursk deminers" is.
		kids = slices.SortedStableFunc(slices.Values(kids), func(a, b *node) int { return strings.Compare(a.canonical(), b.canonical()) })
	}
	for i, k := range kids {
		if i > 0 || n.kind == nodeNot {
			b.WriteString(sep)
		}
		paren := r.grouped(n.kind, k)
		if paren {
			b.WriteByte('(')
		}
		k.render(b, r)
		if paren {
			b.WriteByte(')')
		}
	}
}

// Two tokens of a script written without spaces (see noSpaceScript) are
// written together, as typed: "北朝鮮" reads back as the same three tokens,
// and was shown to its user as "北 朝 鮮".
func writeQuoted(b *strings.Builder, tokens []string) {
	b.WriteByte('"')
	for i, tok := range tokens {
		if i > 0 && !joinsWithoutSpace(tokens[i-1], tok) {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
	}
	b.WriteByte('"')
}

// joinsWithoutSpace reports whether the token a is followed by b with no
// space between them: both are characters of a script written without
// spaces.
func joinsWithoutSpace(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return noSpaceScript(last) && noSpaceScript(first)
}

// Match reports whether the article d matches the query. It evaluates the query on its own; to match many queries
// at once use an Index. The zero Query matches nothing.
func (q *Query) Match(d *Document) bool {
	if len(q.prog.code) == 0 || d == nil {
		return false
	}
	e := d.spare.Swap(nil)
	if e == nil {
		e = &evaluator{}
	}
	e.reset(d, len(q.prog.strs))
	q.prog.lookUp(e)
	ok := e.run(q.prog.code)
	e.d = nil
	d.spare.Store(e)
	return ok
}
