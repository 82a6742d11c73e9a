package query

// termTable finds a term id by its string, for Match: an open-addressing table (linear probing, at most half full)
// whose slots hold each string's hash and, for strings of up to inlineLen bytes — nearly every word — the string
// itself, so that a look-up reads one slot and nothing else, where a Go map of strings reads its slot and then the
// key's bytes elsewhere in memory. Longer strings are compared with the term's. The Index's maps stay the
// authority; the table mirrors dict for the word and prefix namespaces.
type termTable struct {
	slots []tableSlot
	n     int
}

const inlineLen = 19

// tableSlot is 32 bytes: two to a cache line. id 0 is an empty slot.
type tableSlot struct {
	hash uint64
	id   uint32
	n    uint8 // the string's length, or inlineLen+1 when it is longer and not kept here
	b    [inlineLen]byte
}

// find returns the id of s, whose hashString is h, or 0. terms are the Index's terms, for strings not kept inline.
func (t *termTable) find(h uint64, s string, terms []term) uint32 {
	if len(t.slots) == 0 {
		return 0
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.id == 0 {
			return 0
		}
		if sl.hash != h {
			continue
		}
		if sl.n <= inlineLen {
			if int(sl.n) == len(s) && string(sl.b[:sl.n]) == s {
				return sl.id
			}
		} else if terms[sl.id].s == s {
			return sl.id
		}
	}
}

// touch reads the first slot that find(h, ...) reads and returns a word of it (for a caller to add up), so that
// the slot is in the cache when find comes.
func (t *termTable) touch(h uint64) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[h&uint64(len(t.slots)-1)].hash
}

// insert adds s with id; s must not be in the table.
func (t *termTable) insert(s string, id uint32) {
	if 2*(t.n+1) > len(t.slots) {
		t.resize(max(64, 2*len(t.slots)))
	}
	t.n++
	t.put(hashString(s), s, id)
}

func (t *termTable) put(h uint64, s string, id uint32) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	sl := tableSlot{hash: h, id: id, n: inlineLen + 1}
	if len(s) <= inlineLen {
		sl.n = uint8(len(s))
		copy(sl.b[:], s)
	}
	t.slots[i] = sl
}

// delete removes s, which has id, moving back the slots after it that would no longer be found (so there are no
// tombstones).
func (t *termTable) delete(s string, id uint32) {
	if len(t.slots) == 0 {
		return
	}
	mask := uint64(len(t.slots) - 1)
	i := hashString(s) & mask
	for t.slots[i].id != id {
		if t.slots[i].id == 0 {
			return
		}
		i = (i + 1) & mask
	}
	t.n--
	for j := (i + 1) & mask; t.slots[j].id != 0; j = (j + 1) & mask {
		// The slot at j may move back to the gap at i if its home is not between the gap and j (cyclically).
		home := t.slots[j].hash & mask
		if (j-home)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = tableSlot{}
	if len(t.slots) > 64 && 8*t.n < len(t.slots) {
		t.resize(len(t.slots) / 2)
	}
}

func (t *termTable) resize(n int) {
	old := t.slots
	t.slots = make([]tableSlot, n)
	mask := uint64(n - 1)
	for _, sl := range old {
		if sl.id == 0 {
			continue
		}
		i := sl.hash & mask
		for t.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
	}
}
