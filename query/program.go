package query

// program is a query compiled to postfix code over uint32 words, so that the Index can keep a million of them
// without a pointer per node. Each instruction is one word — opcode in bits 0-3, flags in 4-7, a count in 8-31 —
// followed by its operands, which are term references: indexes into strs for a Query, term ids for an Index.
//
//	opWord   n, key1 … keyn             a token has one of these stem keys (the word's stems under the languages it
//	                                    may be in; see stemKey)
//	opPhrase n, tok1 … tokn             the unstemmed tokens occur adjacent and in order (n = 1: the token occurs)
//	opPrefix prefix                     a token starts with prefix
//	opSource n, host, name1 … namen     the source name has these words in order, or the URL's host is host or
//	                                    below it (host is noRef when the query gave no web address)
//	opNot                               negates the top of the stack
//	opAnd n / opOr n                    combines the top n values
type program struct {
	code []uint32
	strs []string
}

const (
	opWord uint32 = iota
	opPhrase
	opPrefix
	opSource
	opNot
	opAnd
	opOr
)

const (
	flagTitle uint32 = 1 << 4 // the term must be in the title
	// flagCapital marks an opWord that the query wrote with a capital (a name, most likely): the Index's key choice
	// reads it, matching does not.
	flagCapital uint32 = 1 << 5
	noRef       uint32 = ^uint32(0)
)

func instr(op, flags uint32, n int) uint32 { return op | flags | uint32(n)<<8 }

// compile turns a parsed query into a program whose operands index strs.
func compile(root *node) program {
	c := &compiler{refs: map[string]uint32{}}
	c.node(root)
	return program{code: c.code, strs: c.strs}
}

type compiler struct {
	code []uint32
	strs []string
	refs map[string]uint32
}

func (c *compiler) ref(s string) uint32 {
	r, ok := c.refs[s]
	if !ok {
		r = uint32(len(c.strs))
		c.refs[s] = r
		c.strs = append(c.strs, s)
	}
	return r
}

func (c *compiler) node(n *node) {
	var flags uint32
	if n.title {
		flags = flagTitle
	}
	switch n.kind {
	case nodeWord:
		if n.capital {
			flags |= flagCapital
		}
		c.code = append(c.code, instr(opWord, flags, len(n.stems)))
		for _, s := range n.stems {
			c.code = append(c.code, c.ref(s))
		}
	case nodePrefix:
		c.code = append(c.code, instr(opPrefix, flags, 0), c.ref(n.tokens[0]))
	case nodePhrase:
		c.code = append(c.code, instr(opPhrase, flags, len(n.tokens)))
		for _, t := range n.tokens {
			c.code = append(c.code, c.ref(t))
		}
	case nodeSource:
		host := noRef
		if n.host != "" {
			host = c.ref(n.host)
		}
		c.code = append(c.code, instr(opSource, 0, len(n.tokens)), host)
		for _, t := range n.tokens {
			c.code = append(c.code, c.ref(t))
		}
	case nodeNot:
		c.node(n.kids[0])
		c.code = append(c.code, instr(opNot, 0, 0))
	case nodeAnd, nodeOr:
		for _, k := range n.kids {
			c.node(k)
		}
		op := opAnd
		if n.kind == nodeOr {
			op = opOr
		}
		c.code = append(c.code, instr(op, 0, len(n.kids)))
	}
}
