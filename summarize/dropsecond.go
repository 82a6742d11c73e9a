package summarize

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// nextRunes returns what a match of re that starts with the rune r may go
// on with: the runes that may come second, and (nullable) whether the
// match may end after r. ok is false when no match of re starts with r.
// Like firstOf it errs on the side of "may": empty-width assertions (^, $,
// \b) are taken as always true.
func nextRunes(re *syntax.Regexp, r rune) (_ firstRunes, ok bool) {
	return (*firstMemo)(nil).next(re, r)
}

// firstMemo keeps firstOf of the nodes of a pattern, for asking next of it
// with many runes (edgeOf): a node's firstOf is found once, not for every
// rune at every level above it. A nil *firstMemo keeps nothing.
type firstMemo map[*syntax.Regexp]firstRunes

// first is firstOf(re), kept.
func (m *firstMemo) first(re *syntax.Regexp) firstRunes {
	if m == nil {
		return firstOf(re)
	}
	f, ok := (*m)[re]
	if !ok {
		f = firstOf(re)
		(*m)[re] = f
	}
	return f
}

// next is nextRunes with the firstOf of m.
func (m *firstMemo) next(re *syntax.Regexp, r rune) (_ firstRunes, ok bool) {
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return firstRunes{}, false // they match no rune
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || !sameRune(re.Rune[0], r, fold) {
			return firstRunes{}, false
		}
		if len(re.Rune) == 1 {
			return firstRunes{nullable: true}, true
		}
		var f firstRunes
		f.add(re.Rune[1], fold)
		return f, true
	case syntax.OpCharClass:
		if !inClass(re.Rune, r, fold) {
			return firstRunes{}, false
		}
		return firstRunes{nullable: true}, true
	case syntax.OpAnyCharNotNL:
		return firstRunes{nullable: true}, r != '\n'
	case syntax.OpAnyChar:
		return firstRunes{nullable: true}, true
	case syntax.OpCapture, syntax.OpQuest:
		return m.next(re.Sub[0], r)
	case syntax.OpStar, syntax.OpPlus:
		f, ok := m.next(re.Sub[0], r)
		if ok && f.nullable { // the round may end after r, and another begin
			f.union(m.first(re.Sub[0]))
		}
		return f, ok
	case syntax.OpRepeat:
		if re.Max == 0 {
			return firstRunes{}, false
		}
		f, ok := m.next(re.Sub[0], r)
		if ok && f.nullable {
			sub := m.first(re.Sub[0])
			if re.Max != 1 {
				f.union(sub)
			}
			f.nullable = re.Min <= 1 || sub.nullable
		}
		return f, ok
	case syntax.OpConcat:
		return m.nextInSeq(re.Sub, r)
	case syntax.OpAlternate:
		var f firstRunes
		for _, sub := range re.Sub {
			g, gok := m.next(sub, r)
			if gok {
				ok = true
				f.union(g)
				f.nullable = f.nullable || g.nullable
			}
		}
		return f, ok
	}
	return anyRune(), true // anything unknown
}

// nextInSeq is next of the concatenation of subs: r may be the
// first rune of any of them that only empty ones precede.
func (m *firstMemo) nextInSeq(subs []*syntax.Regexp, r rune) (f firstRunes, ok bool) {
	for i, sub := range subs {
		if g, gok := m.next(sub, r); gok {
			ok = true
			if g.nullable { // sub may end after r: what follows it may come next
				rest := m.firstOfSeq(subs[i+1:])
				g.union(rest)
				g.nullable = rest.nullable
			}
			f.union(g)
			f.nullable = f.nullable || g.nullable
		}
		if !m.first(sub).nullable {
			break
		}
	}
	return f, ok
}

// firstOfSeq is firstOf of the concatenation of subs.
func firstOfSeq(subs []*syntax.Regexp) firstRunes {
	return (*firstMemo)(nil).firstOfSeq(subs)
}

// firstOfSeq is firstOfSeq with the firstOf of m.
func (m *firstMemo) firstOfSeq(subs []*syntax.Regexp) firstRunes {
	var f firstRunes
	for _, sub := range subs {
		g := m.first(sub)
		f.union(g)
		if !g.nullable {
			return f
		}
	}
	f.nullable = true
	return f
}

// mayFollow reports whether the rune r may come where f says.
func (f *firstRunes) mayFollow(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return f.has(byte(r))
	}
	return f.other
}

// sameRune reports whether the pattern's rune c matches r.
func sameRune(c, r rune, fold bool) bool {
	if c == r {
		return true
	}
	if fold {
		for g := unicode.SimpleFold(c); g != c; g = unicode.SimpleFold(g) {
			if g == r {
				return true
			}
		}
	}
	return false
}

// inClass reports whether the character class of ranges (pairs of lo, hi)
// holds r, or with fold a rune r folds to.
func inClass(ranges []rune, r rune, fold bool) bool {
	in := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= r && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	if in(r) {
		return true
	}
	if fold {
		for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
			if in(g) {
				return true
			}
		}
	}
	return false
}

// derivative returns a pattern that matches at least every w for which
// re matches r·w (empty-width assertions taken as always true), nil when
// no match of re starts with r. nextRunes of it, with a line's second
// rune, tells what may come third.
func derivative(re *syntax.Regexp, r rune) *syntax.Regexp {
	fold := re.Flags&syntax.FoldCase != 0
	empty := &syntax.Regexp{Op: syntax.OpEmptyMatch}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || !sameRune(re.Rune[0], r, fold) {
			return nil
		}
		if len(re.Rune) == 1 {
			return empty
		}
		return &syntax.Regexp{Op: syntax.OpLiteral, Flags: re.Flags, Rune: re.Rune[1:]}
	case syntax.OpCharClass:
		if !inClass(re.Rune, r, fold) {
			return nil
		}
		return empty
	case syntax.OpAnyCharNotNL:
		if r == '\n' {
			return nil
		}
		return empty
	case syntax.OpAnyChar:
		return empty
	case syntax.OpCapture, syntax.OpQuest:
		return derivative(re.Sub[0], r)
	case syntax.OpStar, syntax.OpPlus:
		d := derivative(re.Sub[0], r)
		if d == nil {
			return nil
		}
		return concatOf(d, &syntax.Regexp{Op: syntax.OpStar, Flags: re.Flags, Sub: re.Sub[:1]})
	case syntax.OpRepeat:
		if re.Max == 0 {
			return nil
		}
		d := derivative(re.Sub[0], r)
		if d == nil {
			return nil
		}
		left := re.Max // rounds left after this one; -1: no bound
		if left > 0 {
			left--
		}
		if left == 0 {
			return d
		}
		return concatOf(d, &syntax.Regexp{Op: syntax.OpRepeat, Flags: re.Flags, Min: max(re.Min-1, 0), Max: left, Sub: re.Sub[:1]})
	case syntax.OpConcat:
		var alts []*syntax.Regexp
		for i, sub := range re.Sub {
			if d := derivative(sub, r); d != nil {
				alts = append(alts, concatOf(append([]*syntax.Regexp{d}, re.Sub[i+1:]...)...))
			}
			if !firstOf(sub).nullable {
				break
			}
		}
		return alternationOf(alts)
	case syntax.OpAlternate:
		var alts []*syntax.Regexp
		for _, sub := range re.Sub {
			if d := derivative(sub, r); d != nil {
				alts = append(alts, d)
			}
		}
		return alternationOf(alts)
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil // they match no rune
	}
	return &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{{Op: syntax.OpAnyChar}}} // anything unknown: anything may follow
}

func concatOf(subs ...*syntax.Regexp) *syntax.Regexp {
	if len(subs) == 1 {
		return subs[0]
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
}

// alternationOf is the alternation of alts; nil when there are none.
func alternationOf(alts []*syntax.Regexp) *syntax.Regexp {
	switch len(alts) {
	case 0:
		return nil
	case 1:
		return alts[0]
	}
	return &syntax.Regexp{Op: syntax.OpAlternate, Sub: alts}
}
