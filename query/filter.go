package query

import "slices"

// termFilter is a Bloom filter of the strings of one namespace of an Index's dictionary, by which Match skips the
// dictionary look-up of an article's word or word start that no stored query uses — most of them: the map costs
// cache misses, the filter's bits fit in a processor's cache. Both bits of a string lie in one 64-bit word. A
// removed string's bits stay set until the filter is rebuilt: the filter may answer yes wrongly, never no.
type termFilter struct {
	bits  []uint64
	shift uint // 64 - log2(len(bits)): the top bits of a hash choose the word
	n     int  // strings added since the last rebuild
	stale int  // of those, removed since
}

// fnvOffset and fnvPrime are FNV-1a's (64 bits): hashString(s) is fnvMix of the FNV-1a state after s's bytes,
// which Index.lookUp computes byte by byte to hash every start of a token on the way.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvStep(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// fnvMix spreads an FNV-1a state over all 64 bits.
func fnvMix(h uint64) uint64 {
	h ^= h >> 32
	h *= 0x9e3779b97f4a7c15
	return h ^ h>>29
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = fnvStep(h, s[i])
	}
	return fnvMix(h)
}

// mayHave reports whether the string of hash h may be in the filter; false means it is not.
func (f *termFilter) mayHave(h uint64) bool {
	if len(f.bits) == 0 {
		return false
	}
	w := f.bits[h>>f.shift]
	mask := uint64(1)<<(h&63) | uint64(1)<<(h>>6&63)
	return w&mask == mask
}

func (f *termFilter) set(h uint64) {
	f.bits[h>>f.shift] |= uint64(1)<<(h&63) | uint64(1)<<(h>>6&63)
}

// filterBitsPer is the filter's size in bits per string at a rebuild: 2 bits of 32 set per string give about 1.5%
// wrong yeses at that size, and under 5% at twice as many strings, when it is rebuilt.
const filterBitsPer = 32

// add puts s in the filter, rebuilding it from all, the namespace's strings with s among them, when it is full.
func (f *termFilter) add(s string, all map[string]uint32) {
	f.n++
	if f.n*filterBitsPer/2 > len(f.bits)*64 {
		f.rebuild(all)
		return
	}
	f.set(hashString(s))
}

// remove notes that a string has left all, and rebuilds the filter from all once half the strings it holds are
// gone.
func (f *termFilter) remove(all map[string]uint32) {
	if f.stale++; 2*f.stale > f.n {
		f.rebuild(all)
	}
}

func (f *termFilter) rebuild(all map[string]uint32) {
	words := 1
	for words*64 < len(all)*filterBitsPer {
		words *= 2
	}
	f.bits = make([]uint64, words)
	f.shift = 64 // h>>64 is 0 in Go
	for w := words; w > 1; w /= 2 {
		f.shift--
	}
	f.n, f.stale = len(all), 0
	for s := range all {
		f.set(hashString(s))
	}
}

// prefixLengths counts the stored prefixes by their length in bytes, in ascending order of length.
type prefixLengths []prefixLen

func (pl *prefixLengths) add(n, delta int) {
	i, found := slices.BinarySearchFunc(*pl, n, func(p prefixLen, n int) int { return p.n - n })
	switch {
	case delta > 0 && found:
		(*pl)[i].count++
	case delta > 0:
		*pl = slices.Insert(*pl, i, prefixLen{n: n, count: 1})
	case found:
		if (*pl)[i].count--; (*pl)[i].count == 0 {
			*pl = slices.Delete(*pl, i, i+1)
		}
	}
}
