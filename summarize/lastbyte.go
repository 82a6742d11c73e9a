package summarize

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// reversed returns a pattern that matches the reverse of every text re
// matches (runes in reverse order): firstOf of it says what a match of re
// may end with, and nextRunes what may come before its last rune.
func reversed(re *syntax.Regexp) *syntax.Regexp {
	c := *re
	c.Sub0 = [1]*syntax.Regexp{}
	c.Sub = nil
	switch re.Op {
	case syntax.OpLiteral:
		c.Rune = slices.Clone(re.Rune)
		slices.Reverse(c.Rune)
	case syntax.OpBeginLine:
		c.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		c.Op = syntax.OpBeginLine
	case syntax.OpBeginText:
		c.Op = syntax.OpEndText
	case syntax.OpEndText:
		c.Op = syntax.OpBeginText
	}
	for _, sub := range re.Sub {
		c.Sub = append(c.Sub, reversed(sub))
	}
	if re.Op == syntax.OpConcat {
		slices.Reverse(c.Sub)
	}
	return &c
}

// lineEdge is what the text a pattern matches may start with (or, of the
// reversed pattern, end with): the bytes its first rune may start with,
// and for each ASCII one the bytes the next may start with. Unlike a
// line's byteSet its letters are not folded: a pattern that ignores case
// has both cases (firstOf adds them), and "WASHINGTON" rules out "The". A
// rune beyond ASCII, or a byte that is no UTF-8, counts as every byte
// beyond ASCII (such a rune starts and ends with such a byte, and no ASCII
// byte is part of a longer rune).
type lineEdge struct {
	first byteSet
	next  *[utf8.RuneSelf]byteSet // nil: any byte may come next
}

// anyEdge lets every line through.
var anyEdge = lineEdge{first: allBytes}

// startOf returns the lineEdge of the start of the texts pattern (as
// written, without anchors) matches; endOf that of their end, the bytes
// read backwards from the last.
func startOf(pattern string) lineEdge { return edgeOf(pattern, false) }
func endOf(pattern string) lineEdge   { return edgeOf(pattern, true) }

func edgeOf(pattern string, fromEnd bool) lineEdge {
	syn, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return anyEdge
	}
	if fromEnd {
		syn = reversed(syn)
	}
	f := firstOf(syn)
	if f.nullable {
		return anyEdge
	}
	e := lineEdge{first: bytesOf(f), next: new([utf8.RuneSelf]byteSet)}
	memo := firstMemo{}
	for c := range utf8.RuneSelf {
		if !f.has(byte(c)) {
			continue
		}
		if g, ok := memo.next(syn, rune(c)); ok {
			e.next[c] = bytesOf(g)
		}
	}
	return e
}

// bytesOf returns the bytes of f as a byteSet, letters not folded (see
// lineEdge): its ASCII runes, and every byte beyond ASCII for any other
// rune. Read it with hasExact.
func bytesOf(f firstRunes) byteSet {
	s := byteSet{f.ascii[0], f.ascii[1]}
	if f.other {
		s[2], s[3] = ^uint64(0), ^uint64(0)
	}
	return s
}

// mayStart reports whether a text starting as line does may be matched
// from its first byte; false means it cannot.
func (e *lineEdge) mayStart(line string) bool {
	switch {
	case line == "":
		return true
	case len(line) == 1:
		return e.admits(line[0], 0, false)
	}
	return e.admits(line[0], line[1], true)
}

// mayEnd reports, for the lineEdge of a reversed pattern (endOf), whether
// a text ending as line does may be matched through its last byte.
func (e *lineEdge) mayEnd(line string) bool {
	n := len(line)
	switch n {
	case 0:
		return true
	case 1:
		return e.admits(line[0], 0, false)
	}
	return e.admits(line[n-1], line[n-2], true)
}

// admits2 is admits(c, next, true), small enough to inline.
func (e *lineEdge) admits2(c, next byte) bool {
	if !e.first.hasExact(c) {
		return false
	}
	return e.next == nil || c >= utf8.RuneSelf || e.next[c].hasExact(next)
}

// hasExact reports whether s holds c, a set of bytes not folded.
func (s *byteSet) hasExact(c byte) bool {
	return s[c>>6]&(1<<(c&63)) != 0
}

// admits reports whether a text may have the byte c at its edge, and next
// beside it when more follows.
func (e *lineEdge) admits(c, next byte, more bool) bool {
	if !e.first.hasExact(c) {
		return false
	}
	if e.next == nil || !more || c >= utf8.RuneSelf {
		return true
	}
	return e.next[c].hasExact(next)
}
