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
	e, _ := ix.evaluators.Get().(*evaluator)
	if e == nil {
		e = &evaluator{}
	}
	e.reset(d, len(ix.terms))
	ix.lookUp(e)
	var out []int64
	code := ix.code
	for _, t := range e.present {
		for _, off := range ix.postings[t] {
			rec := code[off : off+code[off+recLen]]
			if e.run(rec[recHeader+rec[recKeys]:]) {
				out = append(out, int64(uint64(rec[recIDLow])|uint64(rec[recIDHigh])<<32))
			}
		}
	}
	e.d = nil
	ix.evaluators.Put(e)
	// A query filed under several keys (an OR) is found once per key present.
	slices.Sort(out)
	return slices.Compact(out)
}

// lookUp finds the article's terms in the index's dictionary: its tokens and their stems, the stored prefixes its
// tokens start with, its source name's tokens and its hosts.
func (ix *Index) lookUp(e *evaluator) {
	d := e.d
	words := ix.dict[nsWord]
	for i, t := range d.tokens {
		if id, ok := words[t]; ok {
			h := e.hit(id)
			h.raw, h.rawWhere = int32(i), d.where[i]
		}
	}
	for i, s := range d.stems {
		if id, ok := words[s]; ok {
			e.hit(id).stemWhere = d.stemWhere[i]
		}
	}
	if len(ix.prefixLens) > 0 {
		prefixes := ix.dict[nsPrefix]
		for i, t := range d.tokens {
			for _, pl := range ix.prefixLens[prefixStart(t)] {
				if pl.n > len(t) {
					break
				}
				if pl.n < len(t) && !utf8.RuneStart(t[pl.n]) {
					continue
				}
				if id, ok := prefixes[t[:pl.n]]; ok {
					e.hit(id).prefixWhere |= d.where[i]
				}
			}
		}
	}
	for _, t := range d.source {
		id, ok := ix.dict[nsSource][t]
		if ok {
			e.hit(id)
		} else {
			id = noRef
		}
		e.sourceIDs = append(e.sourceIDs, id)
	}
	for _, h := range d.hosts {
		if id, ok := ix.dict[nsHost][h]; ok {
			e.hit(id).host = true
		}
	}
}
