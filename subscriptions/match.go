package subscriptions

import (
	"slices"
	"unicode/utf8"
)

// Match returns the ids of the queries that match d, ascending and without repeats; nil when none does or d is nil.
func (ix *Index) Match(d *Document) []int64 {
	if d == nil {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	m, _ := ix.scratch.Get().(*matching)
	if m == nil {
		m = &matching{hits: map[uint32]int32{}}
	}
	m.reset(d)
	ix.lookUp(m)
	var out []int64
	for _, id := range m.present {
		for _, s := range ix.postings[id] {
			sl := ix.slots[s]
			code := ix.code[sl.off : sl.off+sl.n]
			if runCode(code[1+code[0]:], m) {
				out = append(out, sl.id)
			}
		}
	}
	m.d = nil
	ix.scratch.Put(m)
	// A query filed under several keys (an OR) is found once per key present.
	slices.Sort(out)
	return slices.Compact(out)
}

// lookUp finds the article's terms in the index's dictionary: its tokens and their stems, the stored prefixes its
// tokens start with, its source name's tokens and its hosts.
func (ix *Index) lookUp(m *matching) {
	d := m.d
	words := ix.dict[nsWord]
	for i, t := range d.tokens {
		if id, ok := words[t]; ok {
			h := m.hit(id)
			h.raw, h.rawWhere = int32(i), d.where[i]
		}
	}
	for i, s := range d.stems {
		if id, ok := words[s]; ok {
			m.hit(id).stemWhere = d.stemWhere[i]
		}
	}
	if len(ix.prefixLens) > 0 {
		prefixes := ix.dict[nsPrefix]
		for i, t := range d.tokens {
			lens := ix.prefixLens[prefixStart(t)]
			for _, pl := range lens {
				if pl.n > len(t) {
					break
				}
				if pl.n < len(t) && !utf8.RuneStart(t[pl.n]) {
					continue
				}
				if id, ok := prefixes[t[:pl.n]]; ok {
					m.hit(id).prefixWhere |= d.where[i]
				}
			}
		}
	}
	for _, t := range d.source {
		id := ix.dict[nsSource][t]
		if id != 0 {
			m.hit(id)
		}
		m.sourceIDs = append(m.sourceIDs, id)
	}
	for _, h := range d.hosts {
		if id, ok := ix.dict[nsHost][h]; ok {
			m.hit(id).host = true
		}
	}
}

// matching is the state of one Match call: which index terms the article has, and where. It implements checker
// for programs whose operands are term ids. Index keeps a pool of them.
type matching struct {
	d         *Document
	hits      map[uint32]int32 // term id → index in entries
	entries   []termHit
	present   []uint32 // term ids in hits, in order of finding
	sourceIDs []uint32 // the source name's tokens as term ids (0 for a token no query uses)
}

// termHit says where an article has a term: as a token (raw is its index in Document.tokens, or -1), as a stem, as
// the start of a token, as its host.
type termHit struct {
	raw         int32
	rawWhere    uint8
	stemWhere   uint8
	prefixWhere uint8
	host        bool
}

func (m *matching) reset(d *Document) {
	m.d = d
	clear(m.hits)
	m.entries, m.present, m.sourceIDs = m.entries[:0], m.present[:0], m.sourceIDs[:0]
}

func (m *matching) hit(id uint32) *termHit {
	i, ok := m.hits[id]
	if !ok {
		i = int32(len(m.entries))
		m.hits[id] = i
		m.entries = append(m.entries, termHit{raw: -1})
		m.present = append(m.present, id)
	}
	return &m.entries[i]
}

func (m *matching) get(id uint32) *termHit {
	if i, ok := m.hits[id]; ok {
		return &m.entries[i]
	}
	return nil
}

func (m *matching) word(ref uint32, title bool) bool {
	h := m.get(ref)
	return h != nil && has(h.stemWhere, title)
}

func (m *matching) phrase(refs []uint32, title bool) bool {
	var buf [16]int32
	idx := buf[:0]
	for _, r := range refs {
		h := m.get(r)
		if h == nil || h.raw < 0 {
			return false
		}
		idx = append(idx, h.raw)
	}
	return m.d.phrase(idx, title)
}

func (m *matching) prefix(ref uint32, title bool) bool {
	h := m.get(ref)
	return h != nil && has(h.prefixWhere, title)
}

func (m *matching) source(host uint32, name []uint32) bool {
	if host != noRef {
		if h := m.get(host); h != nil && h.host {
			return true
		}
	}
	if len(name) == 0 {
		return false
	}
	for i := 0; i+len(name) <= len(m.sourceIDs); i++ {
		if slices.Equal(m.sourceIDs[i:i+len(name)], name) {
			return true
		}
	}
	return false
}
