package summarize

import "slices"

// byteSet is a set of bytes, ASCII letters folded to lower case: the bytes
// of a line and of what the cleaning makes of it. A rule's hint with a
// byte not in the set is not in the line, and mayMatch need not look.
type byteSet [4]uint64

// allBytes holds every byte: with it mayMatch searches every hint.
var allBytes = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

func (s *byteSet) add(c byte) {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	s[c>>6] |= 1 << (c & 63)
}

// has reports whether s holds c (folded as add folds it).
func (s *byteSet) has(c byte) bool {
	c = foldByte[c]
	return s[c>>6]&(1<<(c&63)) != 0
}

// meets reports whether the sets have a byte in common.
func (s *byteSet) meets(t *byteSet) bool {
	return s[0]&t[0]|s[1]&t[1]|s[2]&t[2]|s[3]&t[3] != 0
}

// pairSet is a set of the pairs of adjacent bytes of a string, ASCII
// letters folded to lower case, each pair hashed to one of 512 bits: a
// hint with a pair whose bit the set lacks is not in the string. Most
// lines hold every letter of a long hint ("getty images", "copyright"),
// so byteSet rules out few hints of prose, and each was searched for
// through the line; the pairs rule out nearly all of them in a pass over
// the line that serves every hint. Unlike the bytes, a line's pairs do
// not cover what the cleaning makes of it: a removed match or character
// brings two bytes together. A substring's pairs are the line's.
type pairSet [8]uint64

// allPairs holds every pair: with it mayMatch searches every hint.
var allPairs = pairSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// pairBit returns the bit of the pair of bytes a, b (folded already).
func pairBit(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 23
}

// foldByte maps an ASCII capital to its lower case and every other byte to
// itself.
var foldByte = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// pairsOf returns the pair set of s.
func pairsOf(s string) pairSet {
	var p pairSet
	if len(s) < 2 {
		return p
	}
	prev := foldByte[s[0]]
	for i := 1; i < len(s); i++ {
		c := foldByte[s[i]]
		h := pairBit(prev, c)
		p[h>>6] |= 1 << (h & 63)
		prev = c
	}
	return p
}

// lineSet is what mayMatch knows of a line before it searches: its bytes
// (which cover what the cleaning makes of the line) and its pairs (which
// cover the line and its substrings only).
type lineSet struct {
	bytes byteSet
	pairs pairSet
}

// covers reports whether s holds every byte and pair of want (those of a
// hint, or those every hint of a rule has).
func (s *lineSet) covers(want *hintSet) bool {
	return s.bytes.covers(&want.bytes) && s.pairs.hasBits(want.pairs)
}

func (s *byteSet) covers(want *byteSet) bool {
	return want[0]&^s[0]|want[1]&^s[1]|want[2]&^s[2]|want[3]&^s[3] == 0
}

// hasBits reports whether p has every bit of bits (pairBit values).
func (p *pairSet) hasBits(bits []uint16) bool {
	for _, h := range bits {
		if p[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// hintSet is what a line holds when it holds a hint: its bytes, and the
// bits of its pairs in a pairSet.
type hintSet struct {
	bytes byteSet
	pairs []uint16
}

// hintSetOf returns the bytes and pairs of the lower-case hint h.
func hintSetOf(h string) hintSet {
	var s hintSet
	var seen pairSet
	for i := 0; i < len(h); i++ {
		s.bytes.add(h[i])
		if i > 0 {
			b := pairBit(h[i-1], h[i])
			if seen[b>>6]&(1<<(b&63)) == 0 {
				seen[b>>6] |= 1 << (b & 63)
				s.pairs = append(s.pairs, uint16(b))
			}
		}
	}
	return s
}

// common returns the bytes and pairs that both s and t have.
func (s hintSet) common(t hintSet) hintSet {
	c := hintSet{bytes: s.bytes}
	for i := range c.bytes {
		c.bytes[i] &= t.bytes[i]
	}
	for _, b := range s.pairs {
		if slices.Contains(t.pairs, b) {
			c.pairs = append(c.pairs, b)
		}
	}
	return c
}

// allLine holds every byte and pair: with it mayMatch searches every hint.
var allLine = lineSet{bytes: allBytes, pairs: allPairs}

// setOfLine returns the bytes of line and the space, and the pairs of line
// (pairsOf), in one pass. What cleanLine and cutLead make of a line
// (substrings of it, runs of white space and removed matches turned into
// one space, removed characters) holds no other byte, so the bytes of the
// line as it came serve them all; its pairs serve its substrings.
func setOfLine(line string) lineSet {
	var s lineSet
	s.bytes.add(' ')
	if line == "" {
		return s
	}
	prev := foldByte[line[0]]
	s.bytes[prev>>6] |= 1 << (prev & 63)
	for i := 1; i < len(line); i++ {
		c := foldByte[line[i]]
		s.bytes[c>>6] |= 1 << (c & 63)
		h := pairBit(prev, c)
		s.pairs[h>>6] |= 1 << (h & 63)
		prev = c
	}
	return s
}

// changedTo returns the set of line, which the cleaning made of the line
// of s other than by taking a substring (a match replaced, spaces
// normalised): the bytes of s cover it still, its pairs are taken again.
// allLine stays allLine.
func (s *lineSet) changedTo(line string) *lineSet {
	if s == &allLine {
		return s
	}
	return &lineSet{bytes: s.bytes, pairs: pairsOf(line)}
}
