package query

import (
	"slices"
	"sync/atomic"
	"unicode/utf8"
)

// Match returns the ids of the queries that match d, ascending and without repeats, in a slice of its own; nil when
// none does or d is nil. It also counts d's terms towards the frequencies by which Add and Refile choose keys.
func (ix *Index) Match(d *Document) []int64 {
	return ix.match(nil, d, true)
}

// MatchAppend appends the ids of the queries that match d to dst, ascending and without repeats, and returns the
// extended slice (dst unchanged when none does or d is nil), as Match does but into the caller's buffer: a caller
// that matches many articles reuses one and allocates nothing per article. Ids already in dst are left as they are:
// the appended ones are not merged with them.
func (ix *Index) MatchAppend(dst []int64, d *Document) []int64 {
	return ix.match(dst, d, false)
}

// match appends d's matches to dst; with exact, a dst without room gets a slice of exactly their number.
func (ix *Index) match(dst []int64, d *Document, exact bool) []int64 {
	if d == nil {
		return dst
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	e, _ := ix.evaluators.Get().(*evaluator)
	if e == nil {
		e = &evaluator{}
	}
	e.reset(d, len(ix.terms))
	ix.lookUp(e)
	ix.observed.Add(1)
	for _, t := range e.present {
		atomic.AddUint32(&ix.df[t], 1)
	}
	// The lists of the article's terms lie all over the index's memory: each pass below first touches what the next
	// one reads, in a loop of independent loads that the processor overlaps, where reading each list as the work
	// reaches it waits for one cache miss after another.
	var sink uint32
	nChecks := 0
	for _, t := range e.present {
		l := &ix.lists[t] // two cache lines
		sink += uint32(len(l.direct.ids))
		nChecks += len(l.checks)
	}
	for _, t := range e.present {
		l := &ix.lists[t]
		if len(l.direct.ids) > 0 {
			sink += uint32(l.direct.ids[0])
		}
		if len(l.checks) > 0 {
			sink += uint32(l.checks[0])
		}
	}
	// The matches go to a bitset over the span of the stored ids when they are dense enough (as a store gives them
	// out), which reads them back sorted and once each; else to out, which is sorted after.
	lo, span, dense := ix.idSpan()
	loRef := ix.refs.offset(lo) // when dense: a match's bit is its ref less loRef
	if dense {
		e.idSet.reset(int(span))
	}
	out := e.out[:0]
	cands := e.cands[:0]
	// The evaluator's tables and the set's slices in locals: stores through the set do not make the loops read
	// them again.
	bits, foreign := e.bits, e.foreign
	words, summary := e.idSet.words, e.idSet.summary
	// The check entries are decided in a loop of their own (see scanChecks), whose output for all the terms is then
	// sorted out below.
	if cap(e.scan) < nChecks {
		e.scan = make([]uint64, nChecks+nChecks/4)
	}
	scan := e.scan[:nChecks]
	n := 0
	for _, t := range e.present {
		l := &ix.lists[t]
		if len(l.direct.ids) > 0 {
			if dense {
				l.direct.addMatches(&e.idSet, loRef, e.hits[t].kinds(foreign))
			} else {
				out = l.direct.appendMatches(out, e.hits[t].kinds(foreign), &ix.refs)
			}
		}
		if len(l.checks) > 0 {
			n += scanChecks(scan[n:], l.checks, t, bits[t/64].stem&(1<<(t%64)) != 0, foreign, bits)
		}
	}
	for _, x := range scan[:n] {
		if x>>32 == 0 { // a pair check's match
			if r := uint32(x); dense {
				r -= loRef
				w := r / 64
				words[w] |= 1 << (r % 64)
				summary[w/64] |= 1 << (w % 64)
			} else {
				out = append(out, ix.refs.id(r))
			}
			continue
		}
		c := candidate{uint32(x >> 32), uint32(x)}
		if c.term&candForce != 0 {
			c.off = ix.offs[c.term&^candForce][c.off]
		}
		cands = append(cands, c)
	}
	for _, c := range cands {
		sink += ix.lists[c.term&^candForce].block[c.off+recKeys]
	}
	for _, c := range cands {
		t, force := c.term&^candForce, c.term&candForce != 0
		rec := ix.lists[t].block[c.off:]
		nk := rec[recKeys]
		if nk&(recDead|recStub) != 0 {
			if nk != recStub || (!force && e.has(rec[recIDLow])) {
				continue // removed, or the article has the record's first key, under which it is evaluated
			}
			rec = ix.lists[rec[recIDLow]].block[rec[recIDHigh]:]
			nk = rec[recKeys]
		}
		if !force && nk > 1 && e.earlierKey(rec[recHeader:recHeader+nk], t) {
			continue // evaluated under that key
		}
		if e.run(rec[recHeader+nk : rec[recLen]]) {
			if id := recID(rec); dense {
				e.idSet.add(uint32(uint64(id) - uint64(lo)))
			} else {
				out = append(out, id)
			}
		}
	}
	e.sink += sink
	e.cands = cands
	// A query that is a word in several languages has a direct entry under each stem: each id once.
	if dense {
		// Read back straight into the result; Match's fresh one is counted first.
		if exact && cap(dst) == len(dst) {
			if n := e.idSet.count(); n > 0 {
				dst = slices.Grow(dst, n)
			}
		}
		dst = e.idSet.drain(dst, lo)
	} else {
		out = sortUnique(out, &e.idSet, &e.sortBuf)
		if exact && cap(dst) == len(dst) && len(out) > 0 {
			dst = slices.Grow(dst, len(out))
		}
		dst = append(dst, out...)
	}
	e.d, e.out = nil, out
	ix.evaluators.Put(e)
	return dst
}

// scanChecks decides the entries of checks, the check list of term t, for an article whose terms and stems are set
// in bits (see evaluator.bits; primary says that t is one of its stems), read in a language besides English if
// foreign. It writes to out, which has room for every entry, and returns how many it wrote: for a pair check (see
// checkPair) that matches, the query's ref (with 0, which is no term, above it); for a record to evaluate, its
// candidate as t << 32 | the record's offset, or, for a pair check that only its record can decide,
// (t | candForce) << 32 | the entry's index in checks, whose offset is in Index.offs. A small function of its own,
// so that the compiler keeps the loop's values in registers (inside Index.match it kept them on the stack, a load
// and a store per value and entry).
func scanChecks(out, checks []uint64, t uint32, primary, foreign bool, bits []refBits) int {
	// The keyed word matches through t when t is a stem of the article's tokens (the primary stem, or another one in
	// an article read in a language besides English, for checkOther); if not, another of its stems' entries answers.
	// The other word matches when its primary stem is a stem of the article; when that is not so in an article read
	// in a language besides English, one of its other stems could be: only the record tells.
	//
	// The flags as masks of check bits, so that the loop holds two words where it would hold three flags: a pair
	// check with a bit of pairSkip set is left to another entry, and english is checkEnglish in an article read in a
	// language besides English, where a check marked checkEnglish rules nothing out.
	pairSkip, english := checkPair, uint32(0)
	if primary {
		pairSkip = checkOther
		if foreign {
			pairSkip, english = 0, checkEnglish
		}
	} else if foreign {
		english = checkEnglish
	}
	tk := uint64(t) << 32
	n := 0
	for i, c := range checks {
		check := uint32(c >> 32)
		// The check term's bits, read once for either kind of check (term 0 for no check: its bits are never set).
		o := check & checkTerm
		b, m := bits[o/64], uint64(1)<<(o%64)
		if check&checkPair != 0 {
			if check&pairSkip != 0 {
				continue
			}
			has := b.stem&m != 0
			if !has && check&english != 0 {
				// Evaluated whatever other keys the article has: their entries may have been decided.
				out[n] = tk | uint64(candForce)<<32 | uint64(i)
				n++
				continue
			}
			if has == (check&checkNot != 0) {
				continue
			}
			out[n] = uint64(uint32(c))
			n++
			continue
		}
		if check != 0 && b.has&m == 0 && check&english == 0 {
			continue // the article lacks a term that the query needs
		}
		out[n] = tk | uint64(uint32(c))
		n++
	}
	return n
}

// idSpan returns the least stored id and the span from it to the greatest, and whether Match marks matches in an
// idSet of that span: when the stored ids are at least 1/setSpanPerID of the span and it is below maxSetSpan (and
// so their refs are offsets, see refCoder).
func (ix *Index) idSpan() (lo int64, span uint64, dense bool) {
	if len(ix.byID) == 0 {
		return 0, 0, false
	}
	d := uint64(ix.idHi) - uint64(ix.idLo)
	return ix.idLo, d + 1, !ix.refs.wide && d < maxSetSpan && d+1 <= setSpanPerID*uint64(len(ix.byID))
}

// stem notes that the article has term id as a stem, where says where (see termHit.stemWhere).
func (e *evaluator) stem(id uint32, where uint8) {
	e.hit(id).stemWhere = where
	if where != 0 {
		e.bits[id/64].stem |= 1 << (id % 64)
	} else {
		e.bits[id/64].stem &^= 1 << (id % 64)
	}
}

// hasStem reports whether the article has ref as a stem (see stem): one word of a small bitset, where the bit of
// has and then the hit would be two reads, the second far away. Match's pair checks and run's words read it.
func (e *evaluator) hasStem(ref uint32) bool { return e.bits[ref/64].stem&(1<<(ref%64)) != 0 }

// earlierKey reports whether the article has a key of keys that comes before t: a record filed under several keys
// is evaluated once, under the first of them that the article has.
func (e *evaluator) earlierKey(keys []uint32, t uint32) bool {
	for _, k := range keys {
		if k == t {
			return false
		}
		if e.has(k) {
			return true
		}
	}
	return false
}

// kinds returns the set of direct-entry kinds (bit 1<<kind) that h satisfies, in an article read in a language
// besides English if foreign.
func (h *termHit) kinds(foreign bool) uint32 {
	k := kindBits(h.stemWhere, kindStem) | kindBits(h.rawWhere, kindRaw) | kindBits(h.prefixWhere, kindPrefix)
	if foreign {
		k |= kindBits(h.stemWhere, kindOtherStem)
	}
	return k
}

// kindBits returns the kinds (bit 1<<kind) that a term found where says satisfies among kind and kind|kindTitle.
func kindBits(where uint8, kind uint8) uint32 {
	var k uint32
	if where != 0 {
		k = 1 << kind
	}
	if where&inTitle != 0 {
		k |= 1 << (kind | kindTitle)
	}
	return k
}

// sortIDs sorts ids ascending: a radix sort when there are many (an article can match thousands of queries at
// once), using buf as scratch. A first pass finds the bytes in which the ids differ; only those are sorted by (ids
// of a million subscriptions differ in three).
func sortIDs(ids []int64, buf *[]int64) {
	if len(ids) < 256 {
		slices.Sort(ids)
		return
	}
	if cap(*buf) < len(ids) {
		*buf = make([]int64, len(ids))
	}
	and, or := ^uint64(0), uint64(0)
	for _, id := range ids {
		and &= uint64(id)
		or |= uint64(id)
	}
	differ := and ^ or
	src, dst := ids, (*buf)[:len(ids)]
	for shift := uint(0); shift < 64; shift += 8 {
		if byte(differ>>shift) == 0 {
			continue // every id has the same byte here
		}
		var count [256]int
		for _, id := range src {
			count[byte((uint64(id)^1<<63)>>shift)]++
		}
		pos := 0
		for i, c := range count {
			count[i], pos = pos, pos+c
		}
		for _, id := range src {
			b := byte((uint64(id) ^ 1<<63) >> shift)
			dst[count[b]] = id
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ids[0] {
		copy(ids, src)
	}
}

// lookUp finds the article's terms in the index's dictionary: its tokens and their stems, the stored prefixes its
// tokens start with, its source name's tokens and its hosts. A token's bytes are hashed once, and the hash of each
// of its starts as long as a stored prefix is had on the way; the filters rule out most look-ups, and a stem that
// is a token of the article reuses that token's. The look-ups that pass the filters are made in a second pass,
// after a loop that touches their slots (see Match).
func (ix *Index) lookUp(e *evaluator) {
	d := e.d
	words, prefixes := &ix.tables[nsWord], &ix.tables[nsPrefix]
	wordFilter, prefixFilter := &ix.filters[nsWord], &ix.filters[nsPrefix]
	lens := ix.prefixLens
	probes := e.probes[:0]
	for i, t := range d.tokens {
		h := uint64(fnvOffset)
		j := 0
		for _, pl := range lens {
			if pl.n > len(t) {
				break
			}
			for ; j < pl.n; j++ {
				h = fnvStep(h, t[j])
			}
			if pl.n < len(t) && !utf8.RuneStart(t[pl.n]) {
				continue
			}
			if hp := fnvMix(h); prefixFilter.mayHave(hp) {
				probes = append(probes, probe{hp, int32(i), int32(pl.n)})
			}
		}
		for ; j < len(t); j++ {
			h = fnvStep(h, t[j])
		}
		if hw := fnvMix(h); wordFilter.mayHave(hw) {
			probes = append(probes, probe{hw, int32(i), probeWord})
		}
	}
	nTokenProbes := len(probes)
	for j, s := range d.stems {
		if d.stemTok[j] < 0 {
			if h := hashString(s); wordFilter.mayHave(h) {
				probes = append(probes, probe{h, int32(j), probeStem})
			}
		}
	}
	var sink uint64
	for _, p := range probes {
		if p.n >= 0 {
			sink += prefixes.touch(p.h)
		} else {
			sink += words.touch(p.h)
		}
	}
	e.sink += uint32(sink)
	tokIDs := e.tokIDs[:0]
	for range d.tokens {
		tokIDs = append(tokIDs, 0)
	}
	for _, p := range probes[:nTokenProbes] {
		t := d.tokens[p.i]
		if p.n >= 0 {
			if id := prefixes.find(p.h, t[:p.n], ix.terms); id != 0 {
				e.hit(id).prefixWhere |= d.where[p.i]
			}
		} else if id := words.find(p.h, t, ix.terms); id != 0 {
			h := e.hit(id)
			h.raw, h.rawWhere = p.i, d.where[p.i]
			tokIDs[p.i] = id
		}
	}
	for j := range d.stems {
		if i := d.stemTok[j]; i >= 0 && tokIDs[i] != 0 {
			e.stem(tokIDs[i], d.stemWhere[j])
		}
	}
	for _, p := range probes[nTokenProbes:] {
		if id := words.find(p.h, d.stems[p.i], ix.terms); id != 0 {
			e.stem(id, d.stemWhere[p.i])
		}
	}
	e.probes = probes
	e.tokIDs = tokIDs
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

// probe is a look-up that lookUp makes in its second pass: the hash of a token's start of n bytes (a stored
// prefix's) or of the whole token i (n is probeWord), or of stem i (n is probeStem).
type probe struct {
	h    uint64
	i, n int32
}

const (
	probeWord = -1
	probeStem = -2
)
