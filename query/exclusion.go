package query

// A query "word -other" — a word AND NOT a word, neither in the title, as the program
//
//	opWord n, stems…  opWord m, stems…  opNot  opAnd 2
//
// with distinct stems and m at most maxExcluded — is kept as exclusion entries, one under each stem of its first
// word (see exclusionOf): an article matches it exactly when it has the stem the entry is under (the primary, or
// another in an article read in a language besides English, as for opWord) and none of the excluded word's stems
// that count, which Match tests on the article's bitset without a record to read or a program to run. Its entries
// form a ring through the first word's stems as direct entries do (next).

// maxExcluded is the most stems of the excluded word that an exclusion entry holds.
const maxExcluded = 2

// exclusion is an entry of a "word -other" query under one stem of its word.
type exclusion struct {
	id   int64
	not  [maxExcluded]uint32 // the excluded word's stems, primary first; 0 for none
	next uint32              // the stem of the query's next entry, round to the first; 0 when there is one
}

// exclusionList holds the exclusion entries under one term: under its primary stem first, then under another.
type exclusionList struct {
	entries []exclusion
	primary uint32 // entries[:primary] are under the term as a word's primary stem
}

// exclusionFlag marks a byID value that is an exclusion entry: exclusionFlag | the term id of the first.
const exclusionFlag = uint64(1) << 62

// exclusionOf returns the stems of the word of prog, a program whose operands are term ids, and the stems of the
// word it excludes, when prog is "word -other" as exclusion entries need (see exclusion).
func exclusionOf(prog []uint32) (keys, not []uint32, ok bool) {
	if len(prog) < 6 {
		return nil, nil, false
	}
	w := prog[0]
	n := int(w >> 8)
	if w&0xf != opWord || w&flagTitle != 0 || n < 1 || 1+n >= len(prog) {
		return nil, nil, false
	}
	v := prog[1+n]
	m := int(v >> 8)
	if v&0xf != opWord || v&flagTitle != 0 || m < 1 || m > maxExcluded || len(prog) != 1+n+1+m+2 {
		return nil, nil, false
	}
	if prog[2+n+m] != instr(opNot, 0, 0) || prog[3+n+m] != instr(opAnd, 0, 2) {
		return nil, nil, false
	}
	keys, not = prog[1:1+n], prog[2+n:2+n+m]
	for i, k := range keys {
		for _, u := range keys[:i] {
			if u == k {
				return nil, nil, false // the ring of entries needs each stem once
			}
		}
	}
	return keys, not, true
}

// add puts an entry under the term, as the query word's primary stem if primary.
func (l *exclusionList) add(x exclusion, primary bool) {
	l.entries = append(grow(l.entries, 1), x)
	if primary {
		last := len(l.entries) - 1
		l.entries[last], l.entries[l.primary] = l.entries[l.primary], l.entries[last]
		l.primary++
	}
}

// remove deletes the entry of id and returns it; ok is false when there is none.
func (l *exclusionList) remove(id int64) (x exclusion, ok bool) {
	p := -1
	for i := range l.entries {
		if l.entries[i].id == id {
			p = i
			break
		}
	}
	if p < 0 {
		return exclusion{}, false
	}
	x = l.entries[p]
	if uint32(p) < l.primary {
		// The last primary entry fills the gap, the last entry the gap that leaves.
		l.primary--
		l.entries[p] = l.entries[l.primary]
		p = int(l.primary)
	}
	last := len(l.entries) - 1
	l.entries[p] = l.entries[last]
	l.entries = l.entries[:last]
	return x, true
}

// appendMatches appends to out the ids of the entries whose excluded word the article of e lacks: of the primary
// entries, and of the others too if others.
func (l *exclusionList) appendMatches(out []int64, e *evaluator, others bool) []int64 {
	entries := l.entries
	if !others {
		entries = entries[:l.primary]
	}
	for i := range entries {
		x := &entries[i]
		if e.hasStem(x.not[0]) || (e.foreign && x.not[1] != 0 && e.hasStem(x.not[1])) {
			continue
		}
		out = append(out, x.id)
	}
	return out
}

// hasStem reports whether the article has ref as the stem of a token, as opWord reads it outside the title.
func (e *evaluator) hasStem(ref uint32) bool {
	return e.has(ref) && e.hits[ref].stemWhere != 0
}
