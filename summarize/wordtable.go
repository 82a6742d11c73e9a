package summarize

import "hash/maphash"

// wordInline is the longest word a wordTable keeps in its slot.
const wordInline = 15

// wordSlot is one word of a wordTable: its hash, its term ID and, when it
// fits, the word itself, so that a look-up reads one slot and nothing else.
type wordSlot struct {
	tag uint32 // high bits of the word's hash, never 0; 0 marks an empty slot
	id  int32
	n   uint8 // the word's length in bytes
	b   [wordInline]byte
}

// wordTable maps words to term IDs, as a map[string]int32 would: an open
// addressing table whose slots hold short words inline. A Go map keeps each
// key's bytes apart from its slot, and with tens of thousands of words
// looked up between database writes, each look-up waited for both. Words
// longer than wordInline bytes go to a map.
type wordTable struct {
	seed  maphash.Seed
	slots []wordSlot // a power of two of them, at most 13/16 used: maxVocabulary words fit in 2^18 (6 MB)
	used  int
	long  map[string]int32
}

func newWordTable() *wordTable {
	return &wordTable{seed: maphash.MakeSeed(), slots: make([]wordSlot, 1024), long: map[string]int32{}}
}

// get returns the ID of w and whether w is in the table.
func (t *wordTable) get(w []byte) (int32, bool) {
	if len(w) > wordInline {
		id, ok := t.long[string(w)]
		return id, ok
	}
	h := maphash.Bytes(t.seed, w)
	tag := uint32(h>>32) | 1
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.tag == 0 {
			return 0, false
		}
		if s.tag == tag && int(s.n) == len(w) && string(s.b[:s.n]) == string(w) {
			return s.id, true
		}
	}
}

// put adds w, not in the table, with its ID.
func (t *wordTable) put(w []byte, id int32) {
	if len(w) > wordInline {
		t.long[string(w)] = id
		return
	}
	if (t.used+1)*16 > len(t.slots)*13 {
		t.grow()
	}
	h := maphash.Bytes(t.seed, w)
	t.insert(uint32(h>>32)|1, int(h), w, id)
	t.used++
}

func (t *wordTable) insert(tag uint32, at int, w []byte, id int32) {
	mask := len(t.slots) - 1
	i := at & mask
	for t.slots[i].tag != 0 {
		i = (i + 1) & mask
	}
	s := &t.slots[i]
	s.tag, s.id, s.n = tag, id, uint8(len(w))
	copy(s.b[:], w)
}

// grow doubles the slots, placing each word again.
func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	for i := range old {
		if s := &old[i]; s.tag != 0 {
			t.insert(s.tag, int(maphash.Bytes(t.seed, s.b[:s.n])), s.b[:s.n], s.id)
		}
	}
}

// clear empties the table, keeping its slots.
func (t *wordTable) clear() {
	clear(t.slots)
	t.used = 0
	clear(t.long)
}
