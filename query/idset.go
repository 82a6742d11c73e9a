package query

import (
	"math/bits"
	"slices"
)

// idSet is a set of ids within a span: a bit per id from a base, and a bit per 64-bit word of those that says the
// word may be non-zero, so that reading the set back skips the empty words.
type idSet struct {
	words   []uint64
	summary []uint64
}

// maxSetSpan is the largest span of ids (in ids) that sortUnique sorts through an idSet: 2 MB of bits.
const maxSetSpan = 1 << 24

// setSpanPerID is how many ids of span per id sorted sortUnique accepts for an idSet: reading the set back costs
// about a word per 64 ids of span beside a step per id.
const setSpanPerID = 1024

// sortUnique sorts ids ascending and removes repeats, in place, and returns the result; set and buf are scratch.
// When the ids span few values for their number — ids a store gives out one after another, of which an article
// matches a fair share — it marks them in a bitset and reads it back in order, else it radix-sorts them.
func sortUnique(ids []int64, set *idSet, buf *[]int64) []int64 {
	if len(ids) < 256 {
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	lo, hi := ids[0], ids[0]
	for _, id := range ids[1:] {
		lo, hi = min(lo, id), max(hi, id)
	}
	span := uint64(hi) - uint64(lo) + 1 // no overflow below maxSetSpan
	if uint64(hi-lo) >= maxSetSpan || span > setSpanPerID*uint64(len(ids)) {
		sortIDs(ids, buf)
		return slices.Compact(ids)
	}
	set.reset(int(span))
	for _, id := range ids {
		set.add(uint32(uint64(id) - uint64(lo)))
	}
	return set.drain(ids[:0], lo)
}

// reset makes room for ids below n; the set must be empty. The words come in whole groups of 64, one per summary
// word, so that drain reads a group as an array.
func (m *idSet) reset(n int) {
	if w := (n + 63) / 64; len(m.words) < w {
		groups := (w + 63) / 64
		m.words, m.summary = make([]uint64, 64*groups), make([]uint64, groups)
	}
}

// add puts i in the set.
func (m *idSet) add(i uint32) {
	w := i / 64
	m.words[w] |= 1 << (i % 64)
	m.summary[w/64] |= 1 << (w % 64)
}

// count returns how many ids are in the set.
func (m *idSet) count() int {
	n := 0
	for i, sw := range m.summary {
		for sw != 0 {
			n += bits.OnesCount64(m.words[i*64+bits.TrailingZeros64(sw)])
			sw &= sw - 1
		}
	}
	return n
}

// drain appends base+i for each i in the set to out, ascending, and empties the set.
func (m *idSet) drain(out []int64, base int64) []int64 {
	for i, sw := range m.summary {
		if sw == 0 {
			continue
		}
		m.summary[i] = 0
		group := (*[64]uint64)(m.words[i*64:])
		at := base + int64(i)*64*64
		for ; sw != 0; sw &= sw - 1 {
			j := bits.TrailingZeros64(sw) & 63
			word := group[j]
			group[j] = 0
			a := at + int64(j)*64
			for ; word != 0; word &= word - 1 {
				out = append(out, a+int64(bits.TrailingZeros64(word)))
			}
		}
	}
	return out
}
