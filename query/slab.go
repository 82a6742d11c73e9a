package query

// Pack copies what Match reads of every term — its check entries, direct entries and block of records, and the
// array of the terms' lists — into a few large arrays (slabs), term after term, which on Linux it asks the kernel to
// back with 2 MB pages (transparent huge pages, see hugeSlice). Match reads the lists of an article's ~700 terms at
// random: at a million queries they come to about 36 MB, which filed one by one lie on some 9,000 pages of 4 KB
// among the rest of the heap, more than the processor's TLB holds, so that many reads wait for a walk of the page
// tables too, and those walks miss the caches as soon as other work shares them. Packed, they take about 20 pages
// of 2 MB. Packing leaves no spare room behind a list: the first Add or Remove that grows a list moves that list out
// of its slab to a place of its own, and the slab keeps its room until the next Pack. Refile packs when it is done;
// Add and Remove pack again once the words they wrote or removed since the last Pack reach half the packed ones.
//
// Pack takes time in proportion to the index's size (a copy of it) and holds Match off meanwhile: call it after
// loading many queries at once. It never changes which queries match.
func (ix *Index) Pack() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.pack()
}

// pack is Pack under the lock.
func (ix *Index) pack() {
	nWords, nChecks := 0, 0
	for t := range ix.lists {
		l := &ix.lists[t]
		nWords += len(l.direct.ids) + len(l.block)
		nChecks += len(l.checks)
	}
	words, checks := hugeSlice[uint32](nWords), hugeSlice[uint64](nChecks)
	lists := hugeSlice[termLists](len(ix.lists))
	copy(lists, ix.lists)
	w, c := 0, 0
	for t := range lists {
		l := &lists[t]
		l.direct.ids, w = carve(words, w, l.direct.ids)
		l.block, w = carve(words, w, l.block)
		l.checks, c = carve(checks, c, l.checks)
	}
	// The slabs being replaced are no longer read once the new ones are in place (the write lock keeps Match out).
	unadvise(ix.slabs.words)
	unadvise(ix.slabs.checks)
	unadvise(ix.slabs.lists)
	ix.lists = lists
	ix.slabs = slabs{words: words, checks: checks, lists: lists}
	collapse(words)
	collapse(checks)
	collapse(lists)
	ix.written = 0
}

// carve copies s into slab at i and returns the copy, of capacity its length (so that appending to it never writes
// into the list after it), and the index behind it; nil for an empty s.
func carve[T any](slab []T, i int, s []T) ([]T, int) {
	if len(s) == 0 {
		return nil, i
	}
	n := copy(slab[i:], s)
	return slab[i : i+n : i+n], i + n
}

// slabs are the arrays of the last Pack (see Index.Pack).
type slabs struct {
	words  []uint32 // direct entries' refs and blocks
	checks []uint64
	lists  []termLists // the Index's lists when packed (it moves out when a term is added)
}

// notePacked counts n words written into the index's lists or removed from them by Add or Remove (an entry of
// checks counts two) and packs again when they reach half of what the last Pack packed: lists that grew have left
// their slab, which keeps their room until the next Pack. An index never packed (its slabs empty) is not packed
// here: loading stays a sequence of Adds until the owner calls Pack or Refile.
func (ix *Index) notePacked(n int) {
	packed := len(ix.slabs.words) + 2*len(ix.slabs.checks)
	if packed == 0 {
		return
	}
	if ix.written += n; 2*ix.written >= packed {
		ix.pack()
	}
}
