package query

// refCoder turns query ids into the 32-bit refs that the direct lists and pair checks' entries hold, and back: half the bytes
// of an int64 for Match to read. While every stored id lies within 2^32 of a base — as a store gives ids out, one
// after another — a ref is the id's offset from the base (modulo 2^64); otherwise (wide) it is a slot in a table of
// ids, which costs a look-up per match but takes any ids. Index.admit keeps the refs valid as ids come.
type refCoder struct {
	base   int64
	wide   bool
	slots  []int64          // wide: the id of each ref
	slotOf map[int64]uint32 // wide: the ref of each stored id
	free   []uint32         // wide: refs of removed ids, for reuse
}

// fits reports whether id has a ref without a rebase.
func (c *refCoder) fits(id int64) bool { return c.wide || uint64(id)-uint64(c.base) < 1<<32 }

// ref returns the ref of id, which must fit; when wide, the first call for an id gives it a slot, which stays its
// ref until release.
func (c *refCoder) ref(id int64) uint32 {
	if !c.wide {
		return c.offset(id)
	}
	if r, ok := c.slotOf[id]; ok {
		return r
	}
	var r uint32
	if n := len(c.free); n > 0 {
		r, c.free = c.free[n-1], c.free[:n-1]
		c.slots[r] = id
	} else {
		r = uint32(len(c.slots))
		c.slots = append(c.slots, id)
	}
	c.slotOf[id] = r
	return r
}

// offset returns the offset of id from the base (modulo 2^32): its ref when not wide.
func (c *refCoder) offset(id int64) uint32 { return uint32(uint64(id) - uint64(c.base)) }

// id returns the id that r stands for.
func (c *refCoder) id(r uint32) int64 {
	if c.wide {
		return c.slots[r]
	}
	return int64(uint64(c.base) + uint64(r))
}

// release gives up the slot of id, which is no longer stored, when wide.
func (c *refCoder) release(id int64) {
	if !c.wide {
		return
	}
	if r, ok := c.slotOf[id]; ok {
		delete(c.slotOf, id)
		c.free = append(c.free, r)
	}
}

// refCoderFor returns a coder for ids within lo and hi: offsets from a base that leaves as much room below lo as
// above hi when hi-lo is below 2^32, else slots.
func refCoderFor(lo, hi int64) refCoder {
	span := uint64(hi) - uint64(lo)
	if span >= 1<<32 {
		return refCoder{wide: true, slotOf: map[int64]uint32{}}
	}
	return refCoder{base: int64(uint64(lo) - (1<<32-1-span)/2)}
}

// admit makes id, about to be stored, one that has a ref: the first id of an empty index sets the base; an id that
// does not fit re-encodes every ref, for offsets from a new base if the stored ids and it span less than 2^32, else
// for slots. Add calls it before it files id.
func (ix *Index) admit(id int64) {
	if len(ix.byID) == 0 {
		ix.idLo, ix.idHi = id, id
		ix.refs = refCoderFor(id, id)
		return
	}
	ix.idLo, ix.idHi = min(ix.idLo, id), max(ix.idHi, id)
	if !ix.refs.fits(id) {
		ix.recode(refCoderFor(ix.idLo, ix.idHi))
	}
}

// recode rewrites every ref of the direct lists and pair checks' entries from the index's coder to to, which must fit every
// stored id, and makes to the index's coder.
func (ix *Index) recode(to refCoder) {
	from := ix.refs
	for t := range ix.lists {
		l := &ix.lists[t]
		for i, r := range l.direct.ids {
			l.direct.ids[i] = to.ref(from.id(r))
		}
		for i, c := range l.checks {
			if uint32(c>>32)&checkPair != 0 {
				l.checks[i] = c&^0xffffffff | uint64(to.ref(from.id(uint32(c))))
			}
		}
	}
	ix.refs = to
}
