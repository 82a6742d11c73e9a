package query

import "hash/maphash"

// strIndex finds a string among strings its owner keeps in a slice (strs),
// by their position: an open-addressing table of positions (plus one; 0 is
// an empty slot), at most half full. It holds no pointer, so the collector
// does not scan it, and takes 4 bytes a slot where a map[string]int32 takes
// 24 (a Document keeps two, of a few hundred strings each).
type strIndex struct {
	slots []int32
	n     int
}

// strIndexSeed is the hash seed of every strIndex (set once, never changed).
var strIndexSeed = maphash.MakeSeed()

// newStrIndex returns an index with room for size strings before it grows.
func newStrIndex(size int) strIndex {
	n := 8
	for n < 2*size {
		n <<= 1
	}
	return strIndex{slots: make([]int32, n)}
}

// find returns the position of s in strs, the strings x holds.
func (x *strIndex) find(s string, strs []string) (int32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for j := maphash.String(strIndexSeed, s) & mask; ; j = (j + 1) & mask {
		v := x.slots[j]
		if v == 0 {
			return 0, false
		}
		if strs[v-1] == s {
			return v - 1, true
		}
	}
}

// findBytes is find of the string of b.
func (x *strIndex) findBytes(b []byte, strs []string) (int32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for j := maphash.Bytes(strIndexSeed, b) & mask; ; j = (j + 1) & mask {
		v := x.slots[j]
		if v == 0 {
			return 0, false
		}
		if strs[v-1] == string(b) {
			return v - 1, true
		}
	}
}

// add records strs[i], which x does not hold yet; strs holds every string
// x records, at the positions it records them.
func (x *strIndex) add(strs []string, i int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.slots = make([]int32, max(8, 2*len(old)))
		for _, v := range old {
			if v != 0 {
				x.put(strs[v-1], v-1)
			}
		}
	}
	x.put(strs[i], i)
	x.n++
}

// put writes position i of s into its first free slot.
func (x *strIndex) put(s string, i int32) {
	mask := uint64(len(x.slots) - 1)
	for j := maphash.String(strIndexSeed, s) & mask; ; j = (j + 1) & mask {
		if x.slots[j] == 0 {
			x.slots[j] = i + 1
			return
		}
	}
}
