package summarize

// byteSet is a set of bytes, ASCII letters folded to lower case: the bytes
// of a line and of what the cleaning makes of it. A rule's hint with a
// byte not in the set is not in the line, and mayMatch need not look.
type byteSet [4]uint64

// allBytes holds every byte: with it mayMatch searches every hint.
var allBytes = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// lineBytes returns the bytes of line and the space. What cleanLine and
// cutLead make of a line (substrings of it, runs of white space and
// removed matches turned into one space, removed characters) holds no
// other byte, so the set of the line as it came serves them all.
func lineBytes(line string) byteSet {
	var s byteSet
	s.add(' ')
	for i := 0; i < len(line); i++ {
		s.add(line[i])
	}
	return s
}

func (s *byteSet) add(c byte) {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	s[c>>6] |= 1 << (c & 63)
}

// hasAll reports whether the set holds every byte of the lower-case
// string sub.
func (s *byteSet) hasAll(sub string) bool {
	for i := 0; i < len(sub); i++ {
		c := sub[i]
		if s[c>>6]&(1<<(c&63)) == 0 {
			return false
		}
	}
	return true
}

// meets reports whether the sets have a byte in common.
func (s *byteSet) meets(t *byteSet) bool {
	return s[0]&t[0]|s[1]&t[1]|s[2]&t[2]|s[3]&t[3] != 0
}
