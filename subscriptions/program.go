package subscriptions

// program is a query compiled to postfix code over uint32 words, so that the Index can keep a million of them
// without a pointer per node. Each instruction is one word — opcode in bits 0-3, flags in 4-7, a count in 8-31 —
// followed by its operands, which are term references: indexes into strs for a Query, term ids for an Index.
//
//	opWord   stem                       the stem occurs
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
	noRef     uint32 = ^uint32(0)
)

func instr(op, flags uint32, n int) uint32 { return op | flags | uint32(n)<<8 }

// checker answers the leaf tests of a program against one article; refs are the program's operands.
type checker interface {
	word(ref uint32, title bool) bool
	phrase(refs []uint32, title bool) bool
	prefix(ref uint32, title bool) bool
	source(host uint32, name []uint32) bool
}

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
		c.code = append(c.code, instr(opWord, flags, 0), c.ref(n.stem))
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

// run evaluates the program. The stack is a word of bits: Parse's limits keep a query far below 64 values deep.
// A malformed program (which Parse never produces) evaluates to false.
func (p program) run(c checker) bool {
	return runCode(p.code, c)
}

func runCode(code []uint32, c checker) bool {
	var stack uint64
	sp := uint(0)
	for pc := 0; pc < len(code); {
		w := code[pc]
		pc++
		op, title, n := w&0xf, w&flagTitle != 0, int(w>>8)
		var v bool
		switch op {
		case opWord:
			v = c.word(code[pc], title)
			pc++
		case opPhrase:
			v = c.phrase(code[pc:pc+n], title)
			pc += n
		case opPrefix:
			v = c.prefix(code[pc], title)
			pc++
		case opSource:
			v = c.source(code[pc], code[pc+1:pc+1+n])
			pc += 1 + n
		case opNot:
			if sp < 1 {
				return false
			}
			sp--
			v = stack>>sp&1 == 0
		case opAnd, opOr:
			if uint(n) > sp || n == 0 || n > 63 {
				return false
			}
			sp -= uint(n)
			mask := (uint64(1)<<n - 1) << sp
			if op == opAnd {
				v = stack&mask == mask
			} else {
				v = stack&mask != 0
			}
		default:
			return false
		}
		if sp >= 64 {
			return false
		}
		if v {
			stack |= 1 << sp
		} else {
			stack &^= 1 << sp
		}
		sp++
	}
	return sp == 1 && stack&1 == 1
}
