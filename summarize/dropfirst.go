package summarize

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// firstRunes is what a match of a pattern may start with: ASCII bytes,
// any other rune, and whether the pattern matches the empty string. It errs
// on the side of "may": a rune outside it never starts a match.
type firstRunes struct {
	ascii    [2]uint64
	other    bool
	nullable bool
}

func (f *firstRunes) add(r rune, fold bool) {
	f.addOne(r)
	if fold {
		for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
			f.addOne(g)
		}
	}
}

func (f *firstRunes) addOne(r rune) {
	if r >= 0 && r < utf8.RuneSelf {
		f.ascii[r/64] |= 1 << (r % 64)
	} else {
		f.other = true
	}
}

func (f *firstRunes) union(g firstRunes) {
	f.ascii[0] |= g.ascii[0]
	f.ascii[1] |= g.ascii[1]
	f.other = f.other || g.other
}

func (f *firstRunes) has(b byte) bool { return f.ascii[b/64]&(1<<(b%64)) != 0 }

// anyRune is the set that says every rune may start a match.
func anyRune() firstRunes {
	return firstRunes{ascii: [2]uint64{^uint64(0), ^uint64(0)}, other: true, nullable: true}
}

// firstOf returns what a match of re may start with.
func firstOf(re *syntax.Regexp) firstRunes {
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpNoMatch:
		return firstRunes{}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return firstRunes{nullable: true}
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return firstRunes{nullable: true}
		}
		var f firstRunes
		f.add(re.Rune[0], fold)
		return f
	case syntax.OpCharClass:
		var f firstRunes
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf {
				f.other = true
			}
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				f.add(r, fold)
			}
			// the non-ASCII runes folding to ASCII letters
			for _, r := range [...]rune{0x17F, 0x212A} {
				if fold && lo <= r && r <= hi {
					f.add(r, true)
				}
			}
		}
		return f
	case syntax.OpCapture, syntax.OpPlus:
		return firstOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		f := firstOf(re.Sub[0])
		f.nullable = true
		return f
	case syntax.OpRepeat:
		f := firstOf(re.Sub[0])
		f.nullable = f.nullable || re.Min == 0
		return f
	case syntax.OpConcat:
		return firstOfSeq(re.Sub)
	case syntax.OpAlternate:
		var f firstRunes
		for _, sub := range re.Sub {
			g := firstOf(sub)
			f.union(g)
			f.nullable = f.nullable || g.nullable
		}
		return f
	}
	return anyRune() // OpAnyChar, OpAnyCharNotNL and anything unknown
}

// dropByFirst is an alternation of whole-line patterns split by the first
// rune of the line: each ASCII byte, and every other rune together, gets
// the alternation of the patterns a match of which may start with it. A
// line of an ASCII first byte is split further by its second rune (each
// ASCII one, and every other together), and one of two ASCII first runes by
// its third: a prose line then runs a handful of patterns, most often
// none, instead of them all.
type dropByFirst struct {
	all    *regexp.Regexp // every pattern, for the empty line
	ascii  [utf8.RuneSelf]*dropGroup
	other  *dropGroup
	second [utf8.RuneSelf]bySecond // by the first byte, when it is ASCII

	alts []string
	syn  []*syntax.Regexp // each of alts parsed; nil when it did not parse alone (it may then start with anything)

	mu     sync.Mutex            // guards groups after newDropByFirst
	groups map[string]*dropGroup // by the patterns' indices, so that a set of patterns is compiled once
}

// bySecond splits the group of one ASCII first byte by the line's second
// rune, at the first line that starts with that byte: group[r] for an
// ASCII r, group[utf8.RuneSelf] for any other; nil where no pattern can
// start so.
type bySecond struct {
	once  sync.Once
	group [utf8.RuneSelf + 1]*dropGroup
	third [utf8.RuneSelf]*byThird // for an ASCII second rune whose group is not nil
}

// byThird splits the group of a line's first two runes (ASCII both) by
// its third, as bySecond splits by the second: the derivative of each
// pattern by the first rune says what may follow the second.
type byThird struct {
	once  sync.Once
	group [utf8.RuneSelf + 1]*dropGroup
}

// dropGroup is the alternation of some of the patterns, compiled at its
// first use: a cleaner needs few of them, and tests build many cleaners.
type dropGroup struct {
	once sync.Once
	idx  []int // the patterns' indices in dropByFirst.alts
	alts []string
	all  *regexp.Regexp
	re   *regexp.Regexp
}

func (g *dropGroup) compiled() *regexp.Regexp {
	g.once.Do(func() {
		re, err := compileAlternation(g.alts)
		if err != nil {
			// cannot happen: every pattern compiled alone and all of them
			// together; all gives the same answers, only slower
			re = g.all
		}
		g.re = re
	})
	return g.re
}

// matchString reports whether one of the group's patterns matches the
// whole line; never for a nil group.
func (g *dropGroup) matchString(line string) bool {
	if g == nil {
		return false
	}
	re := g.compiled()
	return re != nil && re.MatchString(line)
}

// newDropByFirst compiles the patterns alts (each as written, without
// anchors); nil when there are none.
func newDropByFirst(alts []string) (*dropByFirst, error) {
	if len(alts) == 0 {
		return nil, nil
	}
	d := &dropByFirst{alts: alts, syn: make([]*syntax.Regexp, len(alts)), groups: map[string]*dropGroup{}}
	var err error
	if d.all, err = compileAlternation(alts); err != nil {
		return nil, err
	}
	sets := make([]firstRunes, len(alts))
	for i, a := range alts {
		syn, err := syntax.Parse(a, syntax.Perl)
		if err != nil {
			sets[i] = anyRune()
			continue
		}
		d.syn[i] = syn
		sets[i] = firstOf(syn)
	}
	in := func(keep func(firstRunes) bool) []int {
		var idx []int
		for i, s := range sets {
			if keep(s) {
				idx = append(idx, i)
			}
		}
		return idx
	}
	for b := range d.ascii {
		d.ascii[b] = d.group(in(func(s firstRunes) bool { return s.has(byte(b)) }))
	}
	d.other = d.group(in(func(s firstRunes) bool { return s.other }))
	return d, nil
}

// group returns the group of the patterns at idx, made once for each set.
// It is called under mu, or before d is shared.
func (d *dropByFirst) group(idx []int) *dropGroup {
	var key strings.Builder
	sub := make([]string, 0, len(idx))
	for _, i := range idx {
		key.WriteString(strconv.Itoa(i) + ",")
		sub = append(sub, d.alts[i])
	}
	g, ok := d.groups[key.String()]
	if !ok {
		g = &dropGroup{idx: idx, alts: sub, all: d.all}
		d.groups[key.String()] = g
	}
	return g
}

// splitSecond fills s with the patterns of the first byte b's group split
// by the line's second rune.
func (d *dropByFirst) splitSecond(b byte, s *bySecond) {
	first := d.ascii[b]
	next := make([]firstRunes, len(first.idx))
	ok := make([]bool, len(first.idx))
	for j, i := range first.idx {
		if d.syn[i] == nil {
			next[j], ok[j] = anyRune(), true
			continue
		}
		next[j], ok[j] = nextRunes(d.syn[i], rune(b))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for k := range s.group {
		r := rune(k)
		if k == utf8.RuneSelf {
			r = utf8.RuneError // stands for every rune beyond ASCII
		}
		var idx []int
		for j, i := range first.idx {
			if ok[j] && next[j].mayFollow(r) {
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			s.group[k] = d.group(idx)
			if k < utf8.RuneSelf {
				s.third[k] = &byThird{}
			}
		}
	}
}

// splitThird fills t with the patterns of the group g of the first two
// runes b, c split by the line's third rune.
func (d *dropByFirst) splitThird(b, c byte, g *dropGroup, t *byThird) {
	next := make([]firstRunes, len(g.idx))
	ok := make([]bool, len(g.idx))
	for j, i := range g.idx {
		if d.syn[i] == nil {
			next[j], ok[j] = anyRune(), true
			continue
		}
		if rest := derivative(d.syn[i], rune(b)); rest != nil {
			next[j], ok[j] = nextRunes(rest, rune(c))
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for k := range t.group {
		r := rune(k)
		if k == utf8.RuneSelf {
			r = utf8.RuneError // stands for every rune beyond ASCII
		}
		var idx []int
		for j, i := range g.idx {
			if ok[j] && next[j].mayFollow(r) {
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			t.group[k] = d.group(idx)
		}
	}
}

// MatchString reports whether one of the patterns matches the whole line.
func (d *dropByFirst) MatchString(line string) bool {
	if line == "" {
		return d.all.MatchString(line)
	}
	return d.groupOf(line).matchString(line)
}

// groupOf returns the group of the patterns that may match the non-empty
// line, split by its first three bytes; nil when none may: then no
// regexp runs over line.
func (d *dropByFirst) groupOf(line string) *dropGroup {
	switch {
	case line[0] >= utf8.RuneSelf:
		return d.other
	case len(line) == 1:
		return d.ascii[line[0]]
	}
	b := line[0]
	s := &d.second[b]
	s.once.Do(func() { d.splitSecond(b, s) })
	k := utf8.RuneSelf
	if line[1] < utf8.RuneSelf {
		k = int(line[1])
	}
	if k == utf8.RuneSelf || len(line) == 2 || s.third[k] == nil {
		return s.group[k]
	}
	c := line[1]
	t := s.third[c]
	t.once.Do(func() { d.splitThird(b, c, s.group[c], t) })
	k = utf8.RuneSelf
	if line[2] < utf8.RuneSelf {
		k = int(line[2])
	}
	return t.group[k]
}

// compileAlternation compiles the DropLine patterns alts as one, matching
// a whole line; nil when there are none.
func compileAlternation(alts []string) (*regexp.Regexp, error) {
	if len(alts) == 0 {
		return nil, nil
	}
	re, err := regexp.Compile("^(?:" + strings.Join(alts, "|") + ")$")
	if err != nil {
		return nil, fmt.Errorf("drop-line rules together: %w", err)
	}
	return re, nil
}
