package query

import "math/bits"

// directList holds the direct entries under one term: the ids of the queries, grouped by the kind of their entry
// (kinds ascending), so that Match appends each group the article's term satisfies in one copy; ends[k] is where
// kind k's group ends (it starts where kind k-1's ends). Beside it, a slice of the same length holds each entry's
// ring successor (see add), for Add and Remove alone. Order within a group is not kept.
type directList struct {
	ids  []uint32 // refs (see refCoder)
	ends [numKinds]uint32
}

// numKinds is the number of kinds of direct entries, title ones included.
const numKinds = 2 * kindTitle

// add puts an entry of id, of the given kind and ring successor, in its kind's group: the group's end moves by one,
// and so does each later group, by its first entry going to its end; *nextsOf, the list's ring successors, follows.
func (l *directList) add(id uint32, next uint32, kind uint8, nextsOf *[]uint32) {
	l.ids, *nextsOf = append(grow(l.ids, 1), 0), append(grow(*nextsOf, 1), 0)
	nexts := *nextsOf
	hole := uint32(len(l.ids) - 1)
	for k := numKinds - 1; k > int(kind); k-- {
		start := l.ends[k-1]
		l.ids[hole], nexts[hole] = l.ids[start], nexts[start]
		hole = start
		l.ends[k]++
	}
	l.ids[hole], nexts[hole] = id, next
	l.ends[kind]++
}

// remove deletes the entry of id and returns its ring successor; ok is false when there is none.
func (l *directList) remove(id uint32, nextsOf *[]uint32) (next uint32, ok bool) {
	nexts := *nextsOf
	p := -1
	for i, x := range l.ids {
		if x == id {
			p = i
			break
		}
	}
	if p < 0 {
		return 0, false
	}
	next = nexts[p]
	k := 0
	for uint32(p) >= l.ends[k] {
		k++
	}
	// The group's last entry fills the gap; each later group's last entry fills the gap its predecessor left.
	last := l.ends[k] - 1
	l.ids[p], nexts[p] = l.ids[last], nexts[last]
	l.ends[k]--
	hole := last
	for j := k + 1; j < numKinds; j++ {
		last = l.ends[j] - 1
		l.ids[hole], nexts[hole] = l.ids[last], nexts[last]
		l.ends[j]--
		hole = last
	}
	n := len(l.ids) - 1
	l.ids, *nextsOf = l.ids[:n], nexts[:n]
	return next, true
}

// kindOf returns the kind of the entry of id, and false if there is none.
func (l *directList) kindOf(id uint32) (uint8, bool) {
	for i, x := range l.ids {
		if x == id {
			k := uint8(0)
			for uint32(i) >= l.ends[k] {
				k++
			}
			return k, true
		}
	}
	return 0, false
}

// appendMatches appends to out the ids, as refs decodes them, of the entries of the kinds in kinds (bit 1<<kind).
func (l *directList) appendMatches(out []int64, kinds uint32, refs *refCoder) []int64 {
	start := uint32(0)
	for k, end := range l.ends {
		if kinds&(1<<k) != 0 {
			for _, r := range l.ids[start:end] {
				out = append(out, refs.id(r))
			}
		}
		start = end
	}
	return out
}

// addMatches adds to set the refs, less lo (modulo 2^32), of the entries of the kinds in kinds (bit 1<<kind).
func (l *directList) addMatches(set *idSet, lo uint32, kinds uint32) {
	// The set's slices in locals: stores through them do not make the loop read them again.
	words, summary := set.words, set.summary
	ends := l.ends[:kindTitle]
	if ends[kindTitle-1] < uint32(len(l.ids)) {
		ends = l.ends[:] // entries restricted to the title, whose ends are in termLists' second cache line
	}
	// Only the kinds asked for (an article's term satisfies one to three of the eight), each group from the end of
	// the one before.
	kinds &= 1<<len(ends) - 1
	for ; kinds != 0; kinds &= kinds - 1 {
		k := bits.TrailingZeros32(kinds)
		start := uint32(0)
		if k > 0 {
			start = ends[k-1]
		}
		for _, r := range l.ids[start:ends[k]] {
			i := r - lo
			w := i / 64
			words[w] |= 1 << (i % 64)
			summary[w/64] |= 1 << (w % 64)
		}
	}
}
